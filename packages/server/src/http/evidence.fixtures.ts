import { createHash } from 'node:crypto';
import type { EvidenceMetadataInput } from '@hanoi247/core';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.js';

/** A provider's production of traffic data, as the officer who received it describes it. */
export function evidenceMetadata(overrides: Partial<EvidenceMetadataInput> = {}): EvidenceMetadataInput {
  return {
    source: 'provider-production',
    dataCategory: 'traffic',
    acquisition: {
      method: 'Production by ExampleMail Inc. under the preservation order',
      tool: 'provider export portal',
      acquiredAt: '2026-11-01T09:30:00+07:00',
    },
    covers: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00' },
    personalData: true,
    originCountry: 'VN',
    useLimitations: ['Only for the investigation named in the request'],
    retentionUntil: '2031-12-31',
    description: 'Login records of the suspect account',
    ...overrides,
  };
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Deterministic, non-repeating bytes (so a wrong offset or a lost chunk changes the hash). */
export function contentOf(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 1) {
    state = (state * 1664525 + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

export interface Caller {
  readonly cookie: string;
  readonly csrfToken: string;
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export interface UploadDeclaration {
  readonly requestId: string;
  readonly filename?: string;
  readonly mediaType?: string;
  readonly metadata?: unknown;
  readonly sha256?: string;
}

export function uploadMetadata(d: UploadDeclaration): string {
  const pairs: [string, string][] = [
    ['requestId', d.requestId],
    ['filename', d.filename ?? 'logins.csv'],
    ['mediaType', d.mediaType ?? 'text/csv'],
    ['metadata', JSON.stringify(d.metadata ?? evidenceMetadata())],
  ];
  if (d.sha256 !== undefined) pairs.push(['sha256', d.sha256]);
  return pairs.map(([k, v]) => `${k} ${b64(v)}`).join(',');
}

/** tus calls through inject, as a signed-in officer's browser (cookie + CSRF header) makes them. */
export function tusClient(app: App) {
  const auth = (as: Caller, method: string): Record<string, string> => ({
    cookie: as.cookie,
    ...(method === 'GET' || method === 'HEAD' ? {} : { 'x-csrf-token': as.csrfToken }),
    'tus-resumable': '1.0.0',
  });
  const call = (
    as: Caller,
    method: 'POST' | 'HEAD' | 'PATCH' | 'DELETE' | 'GET' | 'OPTIONS',
    url: string,
    headers: Record<string, string> = {},
    payload?: Buffer,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { ...auth(as, method), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  return {
    call,
    create: (as: Caller, declaration: UploadDeclaration, length: number, headers: Record<string, string> = {}) =>
      call(as, 'POST', '/api/v1/evidence/uploads', {
        'upload-length': String(length),
        'upload-metadata': uploadMetadata(declaration),
        ...headers,
      }),
    head: (as: Caller, location: string) => call(as, 'HEAD', location),
    patch: (as: Caller, location: string, offset: number, bytes: Buffer, headers: Record<string, string> = {}) =>
      call(
        as,
        'PATCH',
        location,
        { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers },
        bytes,
      ),
    /** Opens an upload and sends the content in `chunks` PATCHes; returns the last answer. */
    async upload(
      as: Caller,
      declaration: UploadDeclaration,
      content: Buffer,
      chunks = 1,
    ): Promise<{ location: string; last: LightMyRequestResponse }> {
      const created = await this.create(as, declaration, content.length);
      if (created.statusCode !== 201) throw new Error(`upload creation failed: ${created.statusCode} ${created.body}`);
      const location = String(created.headers['location']);
      const step = Math.ceil(content.length / chunks);
      let last = created;
      for (let offset = 0; offset < content.length; offset += step) {
        last = await this.patch(as, location, offset, content.subarray(offset, offset + step));
        if (last.statusCode !== 204) throw new Error(`PATCH at ${offset} failed: ${last.statusCode} ${last.body}`);
      }
      return { location, last };
    },
  };
}
