import { DomainError, type FieldIssue } from '@hanoi247/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import type { EvidenceInput } from '../services/evidence-view.js';

/** tus 1.0.0 core protocol with the creation, expiration and termination extensions. */
export const tusVersion = '1.0.0';
export const tusExtensions = 'creation,expiration,termination';
export const offsetContentType = 'application/offset+octet-stream';
/** Tells the client which evidence item its completed upload became. */
export const evidenceIdHeader = 'hanoi247-evidence-id';

/** Every tus answer names the protocol version, errors included. */
export function tusVersionCheck(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('tus-resumable', tusVersion);
  const sent = request.headers['tus-resumable'];
  if (sent !== tusVersion) {
    reply.header('tus-version', tusVersion);
    throw new DomainError('evidence/tus-version-unsupported', `send Tus-Resumable: ${tusVersion}`);
  }
}

const invalid = (issues: FieldIssue[]) =>
  new DomainError(
    'evidence/invalid-metadata',
    `invalid Upload-Metadata: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues },
  );

function decodeBase64(value: string, key: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1) {
    throw invalid([{ path: `/${key}`, message: 'is not base64', in: 'headers' }]);
  }
  return Buffer.from(value, 'base64').toString('utf8');
}

/** "key base64,key base64": keys unique, values base64 (tus creation extension). */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (header === undefined || header.trim() === '') return pairs;
  for (const part of header.split(',')) {
    const [key, value = '', extra] = part.trim().split(' ');
    if (key === undefined || key === '' || extra !== undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(key)) {
      throw invalid([{ path: '/', message: 'each pair is "key base64value"', in: 'headers' }]);
    }
    if (Object.hasOwn(pairs, key)) throw invalid([{ path: `/${key}`, message: 'appears twice', in: 'headers' }]);
    pairs[key] = decodeBase64(value, key);
  }
  return pairs;
}

const required = (pairs: Record<string, string>, key: string, issues: FieldIssue[]): string => {
  const value = pairs[key];
  if (value === undefined || value === '') issues.push({ path: `/${key}`, message: 'is required', in: 'headers' });
  return value ?? '';
};

/** The evidence declaration carried by Upload-Metadata. `filetype` is what tus clients (Uppy) send by default. */
export function evidenceInputFromMetadata(header: string | undefined): EvidenceInput {
  const pairs = parseUploadMetadata(header);
  const issues: FieldIssue[] = [];
  const requestId = required(pairs, 'requestId', issues);
  if (requestId !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(requestId)) {
    issues.push({ path: '/requestId', message: 'must be a UUID', in: 'headers' });
  }
  const filename = required(pairs, 'filename', issues);
  const mediaType = pairs['mediaType'] ?? pairs['filetype'] ?? 'application/octet-stream';
  const metadataText = required(pairs, 'metadata', issues);
  let metadata: unknown = undefined;
  if (metadataText !== '') {
    try {
      metadata = secureJson.parse(metadataText, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      issues.push({ path: '/metadata', message: 'must be base64 of the EvidenceMetadata JSON', in: 'headers' });
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return { requestId: requestId.toLowerCase(), filename, mediaType, metadata, declaredSha256: pairs['sha256'] ?? null };
}

/** RFC 9110 IMF-fixdate, as the expiration extension asks. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
