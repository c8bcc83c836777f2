import type { IncomingMessage } from 'node:http';
import { DomainError } from '@hanoi247/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppendResult, UploadService, UploadView } from '../../services/evidence-upload.service.js';
import { callContext } from '../call-context.js';
import {
  withProblems,
  createUploadHeaders,
  patchUploadHeaders,
  tusHeaders,
  uploadParams,
  uploadViewSchema,
  noContentSchema,
  withTusProblems,
} from '@hanoi247/contract';
import {
  evidenceIdHeader,
  evidenceInputFromMetadata,
  httpDate,
  offsetContentType,
  tusExtensions,
  tusVersion,
  tusVersionCheck,
} from '../tus.js';

export interface UploadRouteDeps {
  readonly uploads: UploadService;
  readonly maxUploadBytes: number;
}

const base = '/api/v1/evidence/uploads';

export function uploadHeaders(reply: FastifyReply, upload: UploadView): FastifyReply {
  reply
    .header('upload-offset', upload.offset)
    .header('upload-length', upload.length)
    .header('cache-control', 'no-store');
  if (upload.status === 'open') reply.header('upload-expires', httpDate(upload.expiresAt));
  if (upload.evidenceId !== null) reply.header(evidenceIdHeader, upload.evidenceId);
  return reply;
}

export const completed = (reply: FastifyReply, result: AppendResult) => {
  uploadHeaders(reply, result.upload);
  if (result.evidence !== null) reply.header('content-location', `/api/v1/evidence/${result.evidence.id}`);
  return reply;
};

/**
 * Resumable evidence upload, compatible with the tus 1.0.0 core protocol (tus-js-client, Uppy):
 * POST declares the upload, HEAD tells the offset, PATCH streams bytes from that offset,
 * DELETE cancels. Bodies stream straight to disk; nothing is buffered whatever the size.
 */
export const evidenceUploadRoutes =
  ({ uploads, maxUploadBytes }: UploadRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The raw request stream is handed to the handler: no body limit, no buffering (this scope only).
    app.addContentTypeParser(offsetContentType, (_request, payload, done) => done(null, payload));

    app.options(
      base,
      {
        config: { permission: 'evidence:add' },
        schema: { tags: ['evidence'], summary: 'tus capabilities: version, extensions, largest upload' },
      },
      async (_request, reply) =>
        reply
          .status(204)
          .header('tus-resumable', tusVersion)
          .header('tus-version', tusVersion)
          .header('tus-extension', tusExtensions)
          .header('tus-max-size', maxUploadBytes)
          .send(),
    );

    app.post(
      base,
      {
        config: { permission: 'evidence:add' },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags: ['evidence'],
          summary: 'Open a resumable upload (tus creation): Upload-Length and Upload-Metadata',
          description:
            'The request must exist and be visible to you; metadata is validated now, ' +
            'before any byte is sent. 201 with Location; an empty upload completes at once.',
          headers: createUploadHeaders,
          response: withTusProblems({ 201: uploadViewSchema }),
        },
      },
      async (request, reply) => {
        const input = evidenceInputFromMetadata(request.headers['upload-metadata']);
        const result = await uploads.create(callContext(request), {
          ...input,
          size: Number(request.headers['upload-length']),
        });
        return completed(reply.status(201).header('location', `${base}/${result.upload.id}`), result).send(
          result.upload,
        );
      },
    );

    // Declared before the GET of the same path, so Fastify does not derive its own HEAD from it.
    app.head(
      `${base}/:uploadId`,
      {
        config: { permission: 'evidence:add' },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags: ['evidence'],
          summary: 'The offset to resume from (tus): Upload-Offset and Upload-Length',
          params: uploadParams,
          headers: tusHeaders,
        },
      },
      async (request, reply) => {
        const upload = await uploads.status(callContext(request), request.params.uploadId);
        if (upload.status !== 'open' && upload.status !== 'completed') {
          throw new DomainError('evidence/upload-gone', `this upload is ${upload.status}`);
        }
        return uploadHeaders(reply.status(200), upload).send();
      },
    );

    app.get(
      `${base}/:uploadId`,
      {
        config: { permission: 'evidence:add' },
        schema: {
          tags: ['evidence'],
          summary: 'An upload\u2019s status, and its evidence item once complete',
          params: uploadParams,
          response: withProblems({ 200: uploadViewSchema }),
        },
      },
      async (request) => uploads.status(callContext(request), request.params.uploadId),
    );

    app.patch(
      `${base}/:uploadId`,
      {
        config: { permission: 'evidence:add' },
        onRequest: async (request, reply) => {
          tusVersionCheck(request, reply);
          const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
          if (type !== offsetContentType) {
            throw new DomainError('evidence/unsupported-media-type', `send the bytes as ${offsetContentType}`);
          }
        },
        // Refused before the body was read (409, 413…): close rather than drain gigabytes to keep the connection.
        onSend: async (request, reply) => {
          const body = request.body as IncomingMessage | undefined;
          if (body === undefined || body === null || !body.readableEnded) reply.header('connection', 'close');
        },
        schema: {
          tags: ['evidence'],
          summary: 'Append bytes at Upload-Offset (tus); the last byte records the evidence item',
          description:
            'A wrong offset answers 409 with nothing written. A broken connection keeps ' +
            'the bytes that arrived: HEAD on the same URL answers Upload-Offset and ' +
            'Upload-Length (tus), resume from there. The answer to the last chunk carries ' +
            'Hanoi247-Evidence-Id.',
          params: uploadParams,
          headers: patchUploadHeaders,
          response: withTusProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        const body = request.body as IncomingMessage;
        const length = request.headers['content-length'];
        const result = await uploads.append(
          callContext(request),
          request.params.uploadId,
          Number(request.headers['upload-offset']),
          body,
          length === undefined ? null : Number(length),
        );
        return completed(reply.status(204), result).send();
      },
    );

    app.delete(
      `${base}/:uploadId`,
      {
        config: { permission: 'evidence:add' },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags: ['evidence'],
          summary: 'Cancel an upload (tus termination): its bytes are removed',
          params: uploadParams,
          headers: tusHeaders,
          response: withTusProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await uploads.cancel(callContext(request), request.params.uploadId);
        return reply.status(204).send(null);
      },
    );
  };
