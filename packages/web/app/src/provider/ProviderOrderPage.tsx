import { Alert, Anchor, Grid, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProviderOrder } from '../api/provider-queries.js';
import { OrderHeading } from '../orders/OrderHeading.js';
import { hrefOf } from '../routing/route.js';
import { Countdown } from '../time/Countdown.js';
import { zonedDateTime } from '../time/format.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { ProductionUpload } from './ProductionUpload.js';
import { ProviderActions } from './ProviderActions.js';
import { EmergencyCallback, ProviderOrderFacts } from './ProviderOrderFacts.js';

/** One order served on the provider: the call-back first if it is an emergency, then what to do and by when. */
export function ProviderOrderPage({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const order = useProviderOrder(id);
  if (order.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (order.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const o = order.data;
  const clocks = o.deadlines.filter((d) => d.status === 'open');
  return (
    <Stack>
      <Anchor href={hrefOf({ page: 'provider-orders' })}>← {t('provider.back')}</Anchor>
      <OrderHeading order={o} />
      {o.emergency !== null && <EmergencyCallback emergency={o.emergency} />}
      {o.preservedUntil !== null && (
        <Alert color="green">
          {t('provider.preserved', {
            date: zonedDateTime(o.preservedUntil, i18n.language),
            what: o.preservedWhat ?? '',
          })}
        </Alert>
      )}
      {o.objection !== null && (
        <Alert color="orange">
          {t('provider.objected', {
            code: t(`objection.${o.objection.reasonCode}`, { defaultValue: o.objection.reasonCode }),
            note: o.objection.note,
          })}
        </Alert>
      )}
      <section aria-labelledby="order-actions">
        <Title order={2} size="h4" id="order-actions" mb="xs">
          {t('provider.actions')}
        </Title>
        <Group align="start">
          <ProviderActions order={o} />
          {/* The signed original, to verify offline (hanoi247 verify-order) before acting on it. */}
          <Anchor href={`/api/v1/provider/orders/${o.id}/signed`} download={`${o.reference}.order.json`}>
            {t('provider.signedCopy')}
          </Anchor>
        </Group>
      </section>
      {o.availableActions.some((a) => a.action === 'deliver-production') && (
        <ProductionUpload orderId={o.id} maxBytes={o.maxProductionBytes} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ProviderOrderFacts order={o} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <section aria-labelledby="order-clocks">
            <Title order={2} size="h4" id="order-clocks">
              {t('provider.deadlines')}
            </Title>
            {clocks.length === 0 ? (
              <Text c="dimmed">—</Text>
            ) : (
              <List>
                {clocks.map((d) => (
                  <List.Item key={`${d.ruleId}-${d.dueAt}`}>
                    <Text size="sm">
                      {i18n.exists(`deadlineRule.${d.ruleId}`) ? t(`deadlineRule.${d.ruleId}`) : d.ruleId}:
                    </Text>
                    <Countdown dueAt={d.dueAt} />{' '}
                    <Text span size="sm" c="dimmed">
                      (<ZonedTime iso={d.dueAt} />)
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
