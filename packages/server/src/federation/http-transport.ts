/** The one way this node sends bytes to a partner: pinned base URL only, bounded time, no redirects. */
export interface TransportResponse {
  readonly status: number;
  readonly body: string;
}

export type Transport = (baseUrl: string, path: string, body: string) => Promise<TransportResponse>;

export const envelopeContentType = 'application/hanoi247-envelope+json';

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
