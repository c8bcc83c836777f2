import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/types.js';
import { queueNews, snapshotOf, type QueueNews, type QueueSnapshot } from './queue-news.js';

interface QueueRead {
  readonly items: readonly QueueItem[] | undefined;
  /** Read from the node since the page opened: a list cached from an earlier visit is no baseline. */
  readonly fresh: boolean;
  /** Which list (its filter): a new filter is a new list, not news. */
  readonly listKey: string;
}

/**
 * A toast (announced to screen readers by Mantine) for each thing that happened on the desk's
 * list since the last read, worded by what it was: a partner's new request, one of ours joining
 * the list, or a request that changed state (a partner acknowledging ours is not a new request).
 */
export function useQueueNotifications({ items, fresh, listKey }: QueueRead, stateLabel: (state: string) => string) {
  const { t } = useTranslation();
  const seen = useRef<{ readonly key: string; readonly snapshot: QueueSnapshot } | null>(null);
  useEffect(() => {
    if (items === undefined || !fresh) return;
    const previous = seen.current?.key === listKey ? seen.current.snapshot : null;
    for (const news of queueNews(previous, items)) {
      const { item } = news;
      notifications.show({
        title: titleOf(news, t, stateLabel(item.state)),
        message: `${item.reference} · ${item.requestingState} → ${item.requestedState}`,
        color: news.kind === 'arrived' && item.priority === 'emergency' ? 'red' : 'indigo',
        autoClose: 10_000,
      });
    }
    seen.current = { key: listKey, snapshot: snapshotOf(items) };
  }, [items, fresh, listKey, t, stateLabel]);
}

function titleOf(news: QueueNews, t: (key: string, values: Record<string, string>) => string, state: string): string {
  const { item } = news;
  switch (news.kind) {
    case 'arrived':
      return t(item.priority === 'emergency' ? 'news.arrivedEmergency' : 'news.arrived', {
        country: item.requestingState,
      });
    case 'added':
      return t('news.added', { reference: item.reference, state });
    case 'changed':
      return t('news.changed', { reference: item.reference, state });
  }
}
