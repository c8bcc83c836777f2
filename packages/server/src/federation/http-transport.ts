import { DomainError } from '@hanoi247/core';
import type { NodeMetrics, OutboundOutcome } from '../telemetry.js';

/**
 * The one way this node sends HTTP to a partner: the pinned base URL only, bounded time, no
 * redirects, and every attempt counted by partner and operation. Nothing else in the server
 * calls `fetch`.
 */
export interface TransportResponse {
  readonly status: number;
  readonly body: string;
}

/** How an envelope leaves: the real one below, or a fault proxy in tests. */
export type Transport = (baseUrl: string, path: string, body: string) => Promise<TransportResponse>;

export const envelopeContentType = 'application/hanoi247-envelope+json';

/** What a partner is asked for: a label of the metrics, so a small fixed set. */
export type OutboundOperation = 'inbox' | 'pull' | 'receipts' | 'ledger-consistency' | 'evidence-content';

export const httpTransport: Transport = async (baseUrl, path, body) => {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { 'content-type': envelopeContentType, accept: 'application/json' },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.text() };
};

export interface OutboundTimeouts {
  /** A JSON answer, whole. */
  readonly requestMs: number;
  /** A content stream: until its headers arrive. */
  readonly headersMs: number;
  /** A content stream: the longest wait for its next bytes. */
  readonly idleMs: number;
}

export interface OutboundHttpOptions {
  readonly metrics: NodeMetrics;
  readonly transport?: Transport;
  readonly fetchImpl?: typeof fetch;
  readonly timeouts?: Partial<OutboundTimeouts>;
  /** Further attempts of an idempotent JSON read after a network error, a timeout, 408, 429 or 5xx. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
}

export interface OutboundHttp {
  /** One attempt: envelopes, pulls and receipts are retried by their own durable queues, with back-off. */
  post(
    partner: string,
    operation: OutboundOperation,
    baseUrl: string,
    path: string,
    body: string,
  ): Promise<TransportResponse>;
  /** An idempotent read, retried a bounded number of times; the parsed body when the answer is 2xx. */
  getJson(
    partner: string,
    operation: OutboundOperation,
    baseUrl: string,
    path: string,
  ): Promise<{ readonly status: number; readonly body: unknown }>;
  /**
   * A content stream, bounded until its headers and then between its bytes rather than as a whole
   * (a large item may take long, a stalled one may not). Not retried here: the fetcher resumes it.
   */
  stream(
    partner: string,
    operation: OutboundOperation,
    url: URL,
    headers: Readonly<Record<string, string>>,
  ): Promise<Response>;
}

const defaults: OutboundTimeouts = { requestMs: 30_000, headersMs: 30_000, idleMs: 60_000 };

const isTimeout = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'TimeoutError' || (error.cause as Error | undefined)?.name === 'TimeoutError');

const outcomeOfError = (error: unknown): OutboundOutcome => (isTimeout(error) ? 'timeout' : 'network-error');
const outcomeOfStatus = (status: number): OutboundOutcome => (status < 400 ? 'ok' : 'http-error');
const transient = (status: number) => status >= 500 || status === 429 || status === 408;

export function createOutboundHttp(options: OutboundHttpOptions): OutboundHttp {
  const transport = options.transport ?? httpTransport;
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeouts = { ...defaults, ...options.timeouts };
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const { metrics } = options;

  /** Runs one attempt and counts it, whatever it ends with. */
  async function counted<T>(
    partner: string,
    operation: OutboundOperation,
    attempt: () => Promise<T>,
    statusOf: (value: T) => number,
  ): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const value = await attempt();
      metrics.outbound(partner, operation, outcomeOfStatus(statusOf(value)), seconds());
      return value;
    } catch (error) {
      metrics.outbound(partner, operation, outcomeOfError(error), seconds());
      throw error;
    }
  }

  return {
    post: (partner, operation, baseUrl, path, body) =>
      counted(
        partner,
        operation,
        () => transport(baseUrl, path, body),
        (r) => r.status,
      ),

    async getJson(partner, operation, baseUrl, path) {
      for (let attempt = 0; ; attempt += 1) {
        let answer: { status: number; text: string };
        try {
          answer = await counted(
            partner,
            operation,
            async () => {
              const response = await fetchImpl(new URL(path, baseUrl), {
                headers: { accept: 'application/json' },
                redirect: 'error',
                signal: AbortSignal.timeout(timeouts.requestMs),
              });
              return { status: response.status, text: await response.text() };
            },
            (r) => r.status,
          );
        } catch (error) {
          if (attempt >= retries) throw error;
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** attempt));
          continue;
        }
        if (transient(answer.status) && attempt < retries) {
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** attempt));
          continue;
        }
        if (answer.status < 200 || answer.status >= 300) return { status: answer.status, body: null };
        try {
          return { status: answer.status, body: JSON.parse(answer.text) as unknown };
        } catch {
          throw new DomainError('federation/invalid-envelope', `${partner} answered ${operation} with no JSON`);
        }
      }
    },

    async stream(partner, operation, url, headers) {
      const controller = new AbortController();
      const stall = (what: string) => () => controller.abort(new DOMException(`${partner}: ${what}`, 'TimeoutError'));
      const waiting = setTimeout(stall(`no answer within ${timeouts.headersMs} ms`), timeouts.headersMs);
      let response: Response;
      try {
        response = await counted(
          partner,
          operation,
          () => fetchImpl(url, { headers, redirect: 'error', signal: controller.signal }),
          (r) => r.status,
        );
      } finally {
        clearTimeout(waiting);
      }
      const source = response.body;
      if (source === null) return response;
      const reader: ReadableStreamDefaultReader<Uint8Array> = source.getReader();
      // The watchdog runs only while we wait for bytes: a slow reader of ours is not a stalled partner.
      const body = new ReadableStream<Uint8Array>({
        async pull(target) {
          const idle = setTimeout(stall(`nothing for ${timeouts.idleMs} ms`), timeouts.idleMs);
          try {
            const { done, value } = await reader.read();
            if (done) target.close();
            else target.enqueue(value);
          } catch (error) {
            target.error(error);
          } finally {
            clearTimeout(idle);
          }
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}
