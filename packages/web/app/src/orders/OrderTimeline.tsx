import { Alert, Loader, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrderTimeline } from '../api/order-queries.js';
import type { OrderTimelineEvent } from '../api/order-types.js';
import { pick } from '../i18n/i18n.js';
import { RecordInstant } from '../records/RecordValue.js';

const sideWords = {
  officer: 'orderPage.sideOfficer',
  provider: 'orderPage.sideProvider',
  system: 'orderPage.sideSystem',
};

/** Every step of the order, oldest first: what happened, who did it, when, and the note if one was given. */
export function OrderTimeline({ orderId }: { readonly orderId: string }) {
  const { t, i18n } = useTranslation();
  const events = useOrderTimeline(orderId);
  if (events.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (events.data === undefined) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (events.data.length === 0) return <Text c="dimmed">{t('orderPage.noEvents')}</Text>;
  const who = (e: OrderTimelineEvent) =>
    e.actorName ?? t(sideWords[e.side as keyof typeof sideWords] ?? 'orderPage.sideSystem');
  return (
    <MantineTimeline bulletSize={14} lineWidth={2} active={events.data.length - 1} data-testid="order-timeline">
      {events.data.map((e, i) => (
        <MantineTimeline.Item
          key={`${e.occurredAt}-${i}`}
          title={i18n.exists(`orderAction.${e.action}`) ? t(`orderAction.${e.action}`) : pick(e.label, i18n.language)}
        >
          <Text size="sm">
            <RecordInstant iso={e.occurredAt} /> · {t('orderPage.bySide', { who: who(e) })}
          </Text>
          {typeof e.payload['note'] === 'string' && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {e.payload['note']}
            </Text>
          )}
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
