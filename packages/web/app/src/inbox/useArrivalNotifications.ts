import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/types.js';
import { newArrivals } from './queue-order.js';

/** A toast (announced to screen readers by Mantine) for each request that appeared since the last poll. */
export function useArrivalNotifications(items: readonly QueueItem[] | undefined, filterKey: string): void {
  const { t } = useTranslation();
  const seen = useRef<{ key: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (items === undefined) return;
    // A new filter is a new list, not news: only the next polls of the same list announce.
    const previous = seen.current?.key === filterKey ? seen.current.ids : null;
    for (const arrival of newArrivals(previous, items)) {
      notifications.show({
        title: arrival.priority === 'emergency' ? t('inbox.newEmergency') : t('inbox.newRequest'),
        message: `${arrival.reference} · ${arrival.requestingState} → ${arrival.requestedState}`,
        color: arrival.priority === 'emergency' ? 'red' : 'indigo',
        autoClose: 10_000,
      });
    }
    seen.current = { key: filterKey, ids: new Set(items.map((i) => i.id)) };
  }, [items, filterKey, t]);
}
