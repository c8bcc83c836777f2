import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { liveStatus, setLiveStatus, subscribeLiveStatus, type LiveStatus } from './live-mode.js';

/** After the server refused the stream outright (EventSource gives up), try again this much later. */
const reopenAfterMs = 30_000;

interface RequestChange {
  readonly requestId: string;
}

function refresh(client: QueryClient, change: RequestChange | null): void {
  void client.invalidateQueries({ queryKey: ['queue'] });
  if (change === null) return;
  void client.invalidateQueries({ queryKey: ['request', change.requestId] });
  void client.invalidateQueries({ queryKey: ['timeline', change.requestId] });
}

function parse(data: unknown): RequestChange | null {
  try {
    const value = JSON.parse(String(data)) as { requestId?: unknown };
    return typeof value.requestId === 'string' ? { requestId: value.requestId } : null;
  } catch {
    return null;
  }
}

/**
 * Listens to GET /api/v1/events while mounted (the session cookie goes along, same origin) and
 * refreshes the inbox and the open request on each change, so an answer shows in well under a
 * second. When the stream fails the desk falls back to its short polling until it reopens.
 */
export function useLiveUpdates(enabled: boolean): LiveStatus {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource('/api/v1/events');
      source.onopen = () => setLiveStatus('live');
      source.onerror = () => {
        if (liveStatus() === 'live') refresh(client, null);
        setLiveStatus('polling');
        // CONNECTING: the browser retries by itself, resuming with Last-Event-ID. CLOSED: it gave up.
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, reopenAfterMs);
      };
      source.addEventListener('request', (event) => refresh(client, parse(event.data)));
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
      setLiveStatus('polling');
    };
  }, [enabled, client]);
  return useSyncExternalStore(subscribeLiveStatus, liveStatus);
}
