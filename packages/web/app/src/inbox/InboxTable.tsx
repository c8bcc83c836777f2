import { Anchor, Table } from '@mantine/core';
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

/** The desk's queue on a wide screen: one row per request, the columns compared at a glance. */
export function InboxTable({ items, label }: Props) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover aria-label={t('inbox.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('inbox.priority')}</Table.Th>
          <Table.Th>{t('inbox.reference')}</Table.Th>
          <Table.Th>{t('inbox.type')}</Table.Th>
          <Table.Th>{t('inbox.route')}</Table.Th>
          <Table.Th>{t('inbox.state')}</Table.Th>
          <Table.Th>{t('inbox.deadline')}</Table.Th>
          <Table.Th>{t('desk.assignee')}</Table.Th>
          <Table.Th>{t('inbox.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-reference={item.reference}>
            <Table.Td>
              <PriorityBadge priority={item.priority} />
            </Table.Td>
            <Table.Td>
              <Anchor href={hrefOf({ page: 'request', id: item.id })} ff="monospace">
                {item.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>{label('type', item.type)}</Table.Td>
            <Table.Td>
              <QueueRoute item={item} />
            </Table.Td>
            <Table.Td data-testid="queue-state">{label('state', item.state)}</Table.Td>
            <Table.Td>
              <QueueDeadline item={item} />
            </Table.Td>
            <Table.Td data-testid="queue-assignee">
              <QueueAssignee item={item} />
            </Table.Td>
            <Table.Td>
              <ZonedTime iso={item.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
