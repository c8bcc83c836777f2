/**
 * Whether the live stream is open, shared by the hook that owns the EventSource, the header
 * indicator and the desk's queries. While it is open the queries only poll as a safety net.
 */
export type LiveStatus = 'live' | 'polling';

/** While events arrive, polling only guards against a stream that silently stalls. */
export const livePollIntervalMs = 30_000;

let status: LiveStatus = 'polling';
const listeners = new Set<() => void>();

export function liveStatus(): LiveStatus {
  return status;
}

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A `refetchInterval` for the desk's queries: read again at each fetch, so it follows the stream. */
export const deskRefetchInterval = (shortMs: number) => (): number =>
  status === 'live' ? livePollIntervalMs : shortMs;
