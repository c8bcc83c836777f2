import { rememberedCsrfToken } from '../api/client.js';
import { fileSha256 } from './file-sha256.js';
import { encodeUploadMetadata, nextChunk, resumeKey } from './tus-metadata.js';

/** A small tus 1.0.0 client: creation, HEAD to resume, PATCH in chunks with XHR progress events. */

const tus = { 'tus-resumable': '1.0.0' } as const;
// Small enough that a dropped connection loses little, large enough that a request per chunk is cheap.
const chunkSize = 4 * 1024 * 1024;

export interface ProductionFile {
  readonly file: File;
  readonly dataCategory: string;
  readonly description?: string;
}

/** Hashing reads the whole file before the first byte is sent, so the provider sees it as its own phase. */
export interface UploadProgress {
  readonly phase: 'hashing' | 'sending';
  readonly done: number;
  readonly total: number;
}

export class UploadFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function headers(extra: Record<string, string>): Record<string, string> {
  const token = rememberedCsrfToken();
  return { ...tus, ...extra, ...(token === null ? {} : { 'x-csrf-token': token }) };
}

async function failure(response: Response): Promise<UploadFailed> {
  const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
  return new UploadFailed(response.status, problem.detail ?? problem.title ?? response.statusText);
}

/**
 * The offset the server holds for a remembered upload, or null when it is gone (expired, cancelled, another user's).
 */
async function resumeOffset(location: string): Promise<{ offset: number; evidenceId: string | null } | null> {
  const response = await fetch(location, { method: 'HEAD', headers: headers({}), credentials: 'same-origin' });
  const offset = response.headers.get('upload-offset');
  return response.ok && offset !== null
    ? { offset: Number(offset), evidenceId: response.headers.get('hanoi247-evidence-id') }
    : null;
}

async function create(orderId: string, input: ProductionFile, sha256: string): Promise<string> {
  const metadata = encodeUploadMetadata({
    filename: input.file.name,
    sha256,
    dataCategory: input.dataCategory,
    mediaType: input.file.type === '' ? 'application/octet-stream' : input.file.type,
    ...(input.description === undefined || input.description === '' ? {} : { description: input.description }),
  });
  const response = await fetch(`/api/v1/provider/orders/${orderId}/production/uploads`, {
    method: 'POST',
    headers: headers({ 'upload-length': String(input.file.size), 'upload-metadata': metadata }),
    credentials: 'same-origin',
  });
  const location = response.headers.get('location');
  if (!response.ok || location === null) throw await failure(response);
  return location;
}

/**
 * One PATCH through XHR, because fetch reports no upload progress; resolves with the new offset and the evidence id on
 * the last chunk.
 */
function patch(
  location: string,
  offset: number,
  chunk: Blob,
  onBytes: (sent: number) => void,
  signal: AbortSignal | undefined,
): Promise<{ offset: number; evidenceId: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    xhr.onloadend = () => signal?.removeEventListener('abort', abort);
    xhr.onabort = () => reject(signal?.reason instanceof Error ? signal.reason : new UploadFailed(0, 'aborted'));
    xhr.open('PATCH', location);
    for (const [name, value] of Object.entries(
      headers({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
    )) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => onBytes(event.loaded);
    xhr.onerror = () => reject(new UploadFailed(0, 'network'));
    xhr.onload = () => {
      if (xhr.status !== 204) {
        let detail = xhr.statusText;
        try {
          detail = (JSON.parse(xhr.responseText) as { detail?: string }).detail ?? detail;
        } catch {
          // Not a problem document: keep the status text.
        }
        reject(new UploadFailed(xhr.status, detail));
        return;
      }
      resolve({
        offset: Number(xhr.getResponseHeader('upload-offset') ?? offset + chunk.size),
        evidenceId: xhr.getResponseHeader('hanoi247-evidence-id'),
      });
    };
    xhr.send(chunk);
  });
}

/**
 * Sends the file, resuming a transfer of the same file to the same order that an earlier page
 * left unfinished. The SHA-256 is computed here, in the browser, because the node keeps
 * nothing unless its own hash of the bytes equals the provider's declaration; a resumed
 * transfer declared it at creation and is not hashed again. Reports the hashing, then the
 * bytes the server holds as they grow; resolves with the evidence item the file became.
 * Aborting keeps the remembered upload, so choosing the same file again resumes it.
 */
export async function uploadProduction(
  orderId: string,
  input: ProductionFile,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  const key = resumeKey(orderId, input.file);
  let location = localStorage.getItem(key);
  const resumed = location === null ? null : await resumeOffset(location);
  let offset = resumed?.offset ?? 0;
  // A transfer finished before the page was closed already names its evidence item.
  let evidenceId: string | null = resumed?.evidenceId ?? null;
  if (location === null || resumed === null) {
    const sha256 = await fileSha256(input.file, {
      signal,
      onProgress: (done, total) => onProgress({ phase: 'hashing', done, total }),
    });
    location = await create(orderId, input, sha256);
    localStorage.setItem(key, location);
    offset = 0;
  }
  const sending = (done: number) => onProgress({ phase: 'sending', done, total: input.file.size });
  sending(offset);
  while (offset < input.file.size) {
    signal?.throwIfAborted();
    const { start, end } = nextChunk(offset, input.file.size, chunkSize);
    const sentFrom = offset;
    const result = await patch(
      location,
      start,
      input.file.slice(start, end),
      (sent) => sending(sentFrom + sent),
      signal,
    );
    offset = result.offset;
    evidenceId = result.evidenceId;
    sending(offset);
  }
  localStorage.removeItem(key);
  if (evidenceId === null) throw new UploadFailed(0, 'the node did not name the evidence item');
  return evidenceId;
}
