import { createApiClient, routes } from '@hanoi247/contract/client';

/** One parsed server-sent event. */
export interface SseEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

export interface RequestChange {
  readonly requestId: string;
  readonly reference: string;
  readonly state: string;
  readonly kind: string;
  readonly action: string;
  readonly seq: number;
}

/**
 * A minimal EventSource over fetch for tests: inject does not stream, so this reads a real
 * socket and parses frames as they come. Waits resolve on content, never on time.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry: number | null = null;
  ended = false;
  failure: unknown = null;
  private readonly waiters: Array<() => void> = [];
  private readonly abort = new AbortController();
  readonly finished: Promise<void>;

  private constructor(readonly response: Response) {
    this.finished = this.read();
  }

  /** Opens the node's event stream through the contract's client; a refusal throws its ApiProblem. */
  static async open(baseUrl: string, headers: Record<string, string>): Promise<SseClient> {
    const controller = new AbortController();
    const { method, path } = routes.streamEvents;
    const response = await createApiClient({ baseUrl }).request(method, path, undefined, {
      accept: 'text/event-stream',
      headers,
      signal: controller.signal,
    });
    const client = new SseClient(response);
    client.abort.signal.addEventListener('abort', () => controller.abort());
    return client;
  }

  get changes(): RequestChange[] {
    return this.events.filter((e) => e.event === 'request').map((e) => JSON.parse(e.data) as RequestChange);
  }

  /** Resolves with the first change that matches; fails only through the test's own timeout. */
  async change(match: (change: RequestChange) => boolean): Promise<RequestChange> {
    for (;;) {
      const found = this.changes.find(match);
      if (found !== undefined) return found;
      if (this.ended) {
        throw new Error(`the stream ended without the expected change; got ${JSON.stringify(this.changes)}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async read(): Promise<void> {
    const body = this.response.body;
    if (body === null) return;
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        this.wake();
      }
    } catch (error) {
      // A socket cut instead of a clean end: kept for the assertion that wants a clean end.
      if (!this.abort.signal.aborted) this.failure = error;
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private parse(frame: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.events.push({ id, event, data: data.join('\n') });
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
