import { Alert, Anchor, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useOrder } from '../api/order-queries.js';
import { EmergencyCallback, ProviderOrderFacts } from '../provider/ProviderOrderFacts.js';
import { RecordInstant } from '../records/RecordValue.js';
import { hrefOf } from '../routing/route.js';
import { FactsTable } from '../records/FactsTable.js';
import { OrderActions } from './OrderActions.js';
import { OrderClocks } from './OrderClocks.js';
import { OrderEvidence } from './OrderEvidence.js';
import { OrderHeading } from './OrderHeading.js';
import { OrderTimeline } from './OrderTimeline.js';
import { RecordedAnswer } from './RecordedAnswer.js';

/** One domestic order as the issuing desk follows it: where it stands, what to do next, its clocks and history. */
export function OrderPage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const order = useOrder(id);
  const mayReadEvidence = useHasPermission('evidence:read');
  if (order.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (order.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const o = order.data;
  const who: [string, ReactNode][] = [
    [
      t('orderPage.request'),
      o.requestId === null ? (
        '—'
      ) : (
        <Anchor href={hrefOf({ page: 'request', id: o.requestId })} ff="monospace">
          {o.requestReference ?? '—'}
        </Anchor>
      ),
    ],
    [t('orderPage.provider'), o.provider.legalName],
    [t('orderPage.draftedBy'), o.draftedBy.join(', ') || '—'],
    [
      t('orderPage.authorisedBy'),
      o.authorisedBy === null ? (
        '—'
      ) : (
        <>
          {o.authorisedBy}
          {o.authorisedAt !== null && (
            <>
              {' · '}
              <RecordInstant iso={o.authorisedAt} />
            </>
          )}
        </>
      ),
    ],
    [t('orderPage.servedAt'), o.servedAt === null ? '—' : <RecordInstant iso={o.servedAt} />],
  ];
  return (
    <Stack>
      <Anchor href={hrefOf({ page: 'orders' })}>← {t('orderPage.back')}</Anchor>
      <OrderHeading order={o} />
      {o.emergency !== null && <EmergencyCallback emergency={o.emergency} />}
      <section aria-labelledby="order-next">
        <Title order={2} size="h4" id="order-next" mb="xs">
          {t('orderPage.actions')}
        </Title>
        <Group align="start">
          <OrderActions order={o} />
          {/* The signed original exists once the order is served; the provider verifies this same document. */}
          {o.servedAt !== null && (
            <Anchor href={`/api/v1/orders/${o.id}/signed`} download={`${o.reference}.order.json`}>
              {t('orderPage.signedCopy')}
            </Anchor>
          )}
        </Group>
      </section>
      <RecordedAnswer order={o} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <FactsTable rows={who} />
            <ProviderOrderFacts order={o} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <section aria-labelledby="order-clocks">
              <Title order={2} size="h4" id="order-clocks">
                {t('orderPage.clocks')}
              </Title>
              <OrderClocks order={o} />
            </section>
            <section aria-labelledby="order-timeline-title">
              <Title order={2} size="h4" id="order-timeline-title" mb="xs">
                {t('orderPage.timeline')}
              </Title>
              <OrderTimeline orderId={o.id} />
            </section>
            {mayReadEvidence && (
              <section aria-labelledby="order-evidence">
                <Title order={2} size="h4" id="order-evidence" mb="xs">
                  {t('orderPage.evidence')}
                </Title>
                <OrderEvidence orderId={o.id} />
              </section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
