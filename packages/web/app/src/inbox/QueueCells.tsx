import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/types.js';
import { Countdown } from '../time/Countdown.js';

/** The nearest deadline and, when a clock was breached, the escalation badge: the same on a row and a card. */
export function QueueDeadline({ item }: { readonly item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {item.nextDueAt === null ? '—' : <Countdown dueAt={item.nextDueAt} />}
      {item.escalated === true && (
        <Badge color="red" variant="filled" size="sm" title={t('desk.escalatedHint')} data-testid="queue-escalated">
          {t('desk.escalated')}
        </Badge>
      )}
    </Group>
  );
}

export function QueueAssignee({ item }: { readonly item: QueueItem }) {
  const { t } = useTranslation();
  return (
    item.assignee?.displayName ?? (
      <Text span c="dimmed" size="sm">
        {t('desk.nobody')}
      </Text>
    )
  );
}

/** "Incoming: SG → VN". */
export function QueueRoute({ item }: { readonly item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm">
      {t(`direction.${item.direction}`)}: {item.requestingState} → {item.requestedState}
    </Text>
  );
}
