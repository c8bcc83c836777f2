import { vi } from 'vitest';

/**
 * The tus PATCHes go through XMLHttpRequest (fetch reports no upload progress), so the upload
 * tests stub it at the same boundary as fetch: each send waits until the test answers it.
 */
export class FakeXhr {
  static readonly sent: FakeXhr[] = [];
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: Blob | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  private responseHeaders: Record<string, string> = {};
  readonly upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onloadend: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: Blob): void {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }

  abort(): void {
    this.onabort?.();
    this.onloadend?.();
  }

  /** The node's answer to this PATCH. */
  respond(status: number, headers: Record<string, string> = {}, body = ''): void {
    this.status = status;
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.responseText = body;
    this.upload.onprogress?.({ loaded: this.body?.size ?? 0 });
    this.onload?.();
    this.onloadend?.();
  }
}

export function stubXhr(): typeof FakeXhr.sent {
  FakeXhr.sent.length = 0;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr.sent;
}
