import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/types.js';
import { hrefOf } from '../routing/route.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { PriorityBadge } from './PriorityBadge.js';
import { QueueAssignee, QueueDeadline, QueueRoute } from './QueueCells.js';

interface Props {
  readonly items: readonly QueueItem[];
  readonly label: (kind: 'type' | 'state', code: string) => string;
}

/** The desk's queue on a phone: one card per request, with the same badges as the table's row. */
export function InboxCards({ items, label }: Props) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('inbox.title')}>
      {items.map((item) => (
        <Card component="li" key={item.id} withBorder padding="sm" data-reference={item.reference}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor href={hrefOf({ page: 'request', id: item.id })} ff="monospace" fw={600}>
                {item.reference}
              </Anchor>
              <PriorityBadge priority={item.priority} />
            </Group>
            <Text size="sm">{label('type', item.type)}</Text>
            <QueueRoute item={item} />
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" tt="none" data-testid="queue-state">
                {label('state', item.state)}
              </Badge>
              <QueueDeadline item={item} />
            </Group>
            <Text size="sm" data-testid="queue-assignee">
              <QueueAssignee item={item} />
            </Text>
            <Text size="xs" c="dimmed">
              {t('inbox.created')}: <ZonedTime iso={item.createdAt} />
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
