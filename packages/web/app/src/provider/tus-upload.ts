import { rememberedCsrfToken } from '../api/client.js';
import { encodeUploadMetadata, nextChunk, resumeKey, toHex } from './tus-metadata.js';

/** A small tus 1.0.0 client: creation, HEAD to resume, PATCH in chunks with XHR progress events. */

const tus = { 'tus-resumable': '1.0.0' } as const;
// Small enough that a dropped connection loses little, large enough that a request per chunk is cheap.
const chunkSize = 4 * 1024 * 1024;

export interface ProductionFile {
  readonly file: File;
  readonly dataCategory: string;
  readonly description?: string;
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

/** The offset the server holds for a remembered upload, or null when it is gone (expired, cancelled, another user's). */
async function resumeOffset(location: string): Promise<{ offset: number; evidenceId: string | null } | null> {
  const response = await fetch(location, { method: 'HEAD', headers: headers({}), credentials: 'same-origin' });
  const offset = response.headers.get('upload-offset');
  return response.ok && offset !== null ? { offset: Number(offset), evidenceId: response.headers.get('hanoi247-evidence-id') } : null;
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

/** One PATCH through XHR, because fetch reports no upload progress; resolves with the new offset and the evidence id on the last chunk. */
function patch(location: string, offset: number, chunk: Blob, onBytes: (sent: number) => void): Promise<{ offset: number; evidenceId: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PATCH', location);
    for (const [name, value] of Object.entries(headers({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }))) xhr.setRequestHeader(name, value);
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
      resolve({ offset: Number(xhr.getResponseHeader('upload-offset') ?? offset + chunk.size), evidenceId: xhr.getResponseHeader('hanoi247-evidence-id') });
    };
    xhr.send(chunk);
  });
}

/**
 * Sends the file, resuming a transfer of the same file to the same order that an earlier page
 * left unfinished. The SHA-256 is computed here, in the browser, because the node keeps
 * nothing unless its own hash of the bytes equals the provider's declaration. Reports the
 * bytes the server holds as they grow; resolves with the evidence item the file became.
 */
export async function uploadProduction(orderId: string, input: ProductionFile, onProgress: (held: number, total: number) => void): Promise<string> {
  const key = resumeKey(orderId, input.file);
  let location = localStorage.getItem(key);
  const resumed = location === null ? null : await resumeOffset(location);
  let offset = resumed?.offset ?? 0;
  // A transfer finished before the page was closed already names its evidence item.
  let evidenceId: string | null = resumed?.evidenceId ?? null;
  if (location === null || resumed === null) {
    // The whole file in memory once, for the hash: fine for portal-sized productions; systems use the API.
    const sha256 = toHex(await crypto.subtle.digest('SHA-256', await input.file.arrayBuffer()));
    location = await create(orderId, input, sha256);
    localStorage.setItem(key, location);
    offset = 0;
  }
  onProgress(offset, input.file.size);
  while (offset < input.file.size) {
    const { start, end } = nextChunk(offset, input.file.size, chunkSize);
    const sentFrom = offset;
    const result = await patch(location, start, input.file.slice(start, end), (sent) => onProgress(sentFrom + sent, input.file.size));
    offset = result.offset;
    evidenceId = result.evidenceId;
    onProgress(offset, input.file.size);
  }
  localStorage.removeItem(key);
  if (evidenceId === null) throw new UploadFailed(0, 'the node did not name the evidence item');
  return evidenceId;
}
