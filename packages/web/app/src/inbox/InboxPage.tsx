import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogueLabels, useQueue, type QueueFilter } from '../api/queries.js';
import { pick } from '../i18n/i18n.js';
import { hrefOf, navigate } from '../routing/route.js';
import { Countdown } from '../time/Countdown.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { InboxFilters } from './InboxFilters.js';
import { PriorityBadge } from './PriorityBadge.js';
import { sortQueue } from './queue-order.js';
import { useArrivalNotifications } from './useArrivalNotifications.js';

/** The 24/7 desk: every open request in and out, the most pressing on top, refreshed every few seconds. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<QueueFilter>({});
  const queue = useQueue(filter);
  const { states, typeTitles } = useCatalogueLabels();
  useArrivalNotifications(queue.data, JSON.stringify(filter));
  const items = sortQueue(queue.data ?? []);
  const label = (map: ReadonlyMap<string, { en: string; vi: string }>, code: string) => {
    const found = map.get(code);
    return found === undefined ? code : pick(found, i18n.language);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Button onClick={() => navigate({ page: 'draft', id: null })}>{t('nav.newRequest')}</Button>
      </Group>
      <InboxFilters filter={filter} onChange={setFilter} typeTitles={typeTitles} states={states} />
      {queue.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
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
              <Table.Td>{label(typeTitles, item.type)}</Table.Td>
              <Table.Td>
                <Text span size="sm">
                  {t(`direction.${item.direction}`)}: {item.requestingState} → {item.requestedState}
                </Text>
              </Table.Td>
              <Table.Td data-testid="queue-state">{label(states, item.state)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {item.nextDueAt === null ? '—' : <Countdown dueAt={item.nextDueAt} />}
                  {item.escalated === true && (
                    <Badge
                      color="red"
                      variant="filled"
                      size="sm"
                      title={t('desk.escalatedHint')}
                      data-testid="queue-escalated"
                    >
                      {t('desk.escalated')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td data-testid="queue-assignee">
                {item.assignee?.displayName ?? (
                  <Text span c="dimmed" size="sm">
                    {t('desk.nobody')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ZonedTime iso={item.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {queue.isSuccess && items.length === 0 && <Text c="dimmed">{t('inbox.empty')}</Text>}
    </Stack>
  );
}
