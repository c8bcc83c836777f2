import type { Principal } from '@hanoi247/core';
import { PassThrough } from 'node:stream';
import type { LiveEvent } from '../repositories/live-event.repository.js';
import { visibleTo } from '../services/live-events.service.js';

/** A reader that stops reading would otherwise grow this buffer without bound; it can resume with Last-Event-ID. */
const maxBufferedBytes = 1024 * 1024;

/** The one `data:` line of an event: what the web app needs to refresh, and nothing about other requests. */
export function eventFrame(event: LiveEvent): string {
  const data = {
    requestId: event.requestId,
    reference: event.reference,
    state: event.state,
    kind: event.kind,
    action: event.action,
    seq: event.seq,
  };
  return `id: ${event.seq}\nevent: request\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One open text/event-stream. Live events that arrive while the Last-Event-ID replay is still
 * being read are held, then sent without those the replay already carried, so a reconnecting
 * client misses nothing and sees nothing twice.
 */
export class LiveStream {
  readonly body = new PassThrough();
  private held: LiveEvent[] | null = [];
  private readonly replayed = new Set<number>();
  private ended = false;
  private readonly onEnd: Array<() => void> = [];

  constructor(private readonly principal: Principal) {
    this.body.on('close', () => this.end());
  }

  get isEnded(): boolean {
    return this.ended;
  }

  whenEnded(callback: () => void): void {
    if (this.ended) callback();
    else this.onEnd.push(callback);
  }

  /** Feed listener: only events about requests this caller may see go out. */
  readonly receive = (events: readonly LiveEvent[]): void => {
    for (const event of events) {
      if (!visibleTo(this.principal, event)) continue;
      if (this.held !== null) this.held.push(event);
      else if (!this.replayed.has(event.seq)) this.write(eventFrame(event));
    }
  };

  /** Sends the replay (already filtered by visibility), then what the feed delivered meanwhile. */
  finishReplay(events: readonly LiveEvent[]): void {
    for (const event of events) {
      this.replayed.add(event.seq);
      this.write(eventFrame(event));
    }
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) if (!this.replayed.has(event.seq)) this.write(eventFrame(event));
  }

  write(text: string): void {
    if (this.ended || this.body.destroyed) return;
    this.body.write(text);
    if (this.body.writableLength > maxBufferedBytes) this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.body.destroyed) this.body.end();
    for (const callback of this.onEnd.splice(0)) callback();
  }
}
