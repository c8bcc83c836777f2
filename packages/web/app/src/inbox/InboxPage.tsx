import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogueLabels, useQueue, type QueueFilter } from '../api/queries.js';
import { pick } from '../i18n/i18n.js';
import { navigate } from '../routing/route.js';
import { InboxCards } from './InboxCards.js';
import { InboxFilters } from './InboxFilters.js';
import { inboxStatus } from './inbox-status.js';
import { InboxTable } from './InboxTable.js';
import { sortQueue } from './queue-order.js';
import { useQueueNotifications } from './useQueueNotifications.js';

/** Below this width the table's eight columns crush to a word per line: the queue becomes cards. */
const phoneWidth = '(max-width: 48em)';

/** The 24/7 desk: every open request in and out, the most pressing on top, refreshed every few seconds. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<QueueFilter>({});
  const queue = useQueue(filter);
  const { states, typeTitles } = useCatalogueLabels();
  const phone = useMediaQuery(phoneWidth) === true;
  const label = (kind: 'type' | 'state', code: string) => {
    const found = (kind === 'type' ? typeTitles : states).get(code);
    return found === undefined ? code : pick(found, i18n.language);
  };
  useQueueNotifications(
    { items: queue.data, fresh: queue.isFetchedAfterMount, listKey: JSON.stringify(filter) },
    (state) => label('state', state),
  );
  const items = sortQueue(queue.data ?? []);
  const status = inboxStatus({ pending: queue.isPending, failed: queue.isError, count: items.length, filter });

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
      {status === 'list' &&
        (phone ? <InboxCards items={items} label={label} /> : <InboxTable items={items} label={label} />)}
      <div role="status">
        {status === 'loading' && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text c="dimmed">{t('inboxStatus.loading')}</Text>
          </Group>
        )}
        {status === 'empty' && <Text c="dimmed">{t('inboxStatus.empty')}</Text>}
        {status === 'no-match' && <Text c="dimmed">{t('inboxStatus.noMatch')}</Text>}
      </div>
    </Stack>
  );
}
