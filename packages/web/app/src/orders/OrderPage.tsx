import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useOrder } from '../api/order-queries.js';
import { pick } from '../i18n/i18n.js';
import { EmergencyCallback, ProviderOrderFacts } from '../provider/ProviderOrderFacts.js';
import { RecordInstant } from '../records/RecordValue.js';
import { hrefOf } from '../routing/route.js';
import { OrderActions } from './OrderActions.js';
import { OrderClocks } from './OrderClocks.js';
import { OrderEvidence } from './OrderEvidence.js';
import { OrderTimeline } from './OrderTimeline.js';
import { RecordedAnswer } from './RecordedAnswer.js';

/** One domestic order as the issuing desk follows it: where it stands, what to do next, its clocks and history. */
export function OrderPage({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
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
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1} size="h2" ff="monospace">
            {o.reference}
          </Title>
          <Text>{pick(o.typeTitle, i18n.language)}</Text>
        </Stack>
        <Badge size="lg" variant="outline" data-testid="order-state">
          {pick(o.stateLabel, i18n.language)}
        </Badge>
      </Group>
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
            <Table>
              <Table.Tbody>
                {who.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" w="30%">
                      {label}
                    </Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
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
