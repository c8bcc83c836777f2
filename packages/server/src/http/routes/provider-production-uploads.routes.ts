import type { IncomingMessage } from 'node:http';
import { DomainError, type FieldIssue } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UploadService } from '../../services/evidence-upload.service.js';
import type { ProductionInput } from '../../services/provider-production.service.js';
import { callContext } from '../call-context.js';
import {
  createProductionUploadHeaders,
  noContentSchema,
  orderParams,
  patchUploadHeaders,
  productionUploadParams,
  tusHeaders,
  uploadViewSchema,
  withProblems,
  withTusProblems,
} from '@hanoi247/contract';
import { offsetContentType, parseUploadMetadata, tusVersionCheck } from '../tus.js';
import { completed, uploadHeaders } from './evidence-uploads.routes.js';

export interface ProductionUploadRouteDeps {
  readonly uploads: UploadService;
}

const base = '/api/v1/provider/orders/:orderId/production/uploads';
const permission = 'provider-orders:respond' as const;
const tags = ['provider'];
const categories = ['subscriber', 'traffic', 'content', 'other'] as const;

/** The production declaration carried by Upload-Metadata; the provider's own hash is required. */
export function productionFromMetadata(header: string | undefined): ProductionInput {
  const pairs = parseUploadMetadata(header);
  const issues: FieldIssue[] = [];
  const filename = pairs['filename'] ?? '';
  if (filename === '') issues.push({ path: '/filename', message: 'is required', in: 'headers' });
  const sha256 = (pairs['sha256'] ?? '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    issues.push({
      path: '/sha256',
      message: 'your SHA-256 of the file, 64 hex characters, is required',
      in: 'headers',
    });
  }
  const category = pairs['dataCategory'] ?? '';
  if (!(categories as readonly string[]).includes(category)) {
    issues.push({ path: '/dataCategory', message: `one of ${categories.join(', ')}`, in: 'headers' });
  }
  const description = pairs['description'];
  if (description !== undefined && description.length > 2000) {
    issues.push({ path: '/description', message: 'at most 2000 characters', in: 'headers' });
  }
  if (issues.length > 0) {
    throw new DomainError(
      'evidence/invalid-metadata',
      `invalid Upload-Metadata: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  return {
    filename,
    sha256,
    dataCategory: category as ProductionInput['dataCategory'],
    mediaType: pairs['mediaType'] ?? pairs['filetype'] ?? 'application/octet-stream',
    ...(description === undefined ? {} : { description }),
  };
}

/**
 * A provider's production as a resumable tus 1.0.0 upload (the portal's progress bar, or
 * tus-js-client in the provider's systems): the same authorisation as every provider call
 * (another provider's order, or an upload opened by someone else, is "not found" and a logged
 * denial), the same declaration and checks as the single streamed request, and the order's
 * deliver-production step in the transaction that records the item at the last byte.
 */
export const productionUploadRoutes =
  ({ uploads }: ProductionUploadRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(offsetContentType, (_request, payload, done) => done(null, payload));

    app.post(
      base,
      {
        config: { permission },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags,
          summary: 'Open a resumable production upload on my order (tus creation): Upload-Length and Upload-Metadata',
          description:
            'Checked now, before any byte: the order is served on your provider and ' +
            'awaits production, the size and the per-order quota. 201 with Location; ' +
            'PATCH the bytes there, HEAD to resume.',
          params: orderParams,
          headers: createProductionUploadHeaders,
          response: withTusProblems({ 201: uploadViewSchema }),
        },
      },
      async (request, reply) => {
        const input = productionFromMetadata(request.headers['upload-metadata']);
        const { orderId } = request.params;
        const result = await uploads.createProduction(
          callContext(request),
          orderId,
          input,
          Number(request.headers['upload-length']),
        );
        return completed(
          reply
            .status(201)
            .header('location', `/api/v1/provider/orders/${orderId}/production/uploads/${result.upload.id}`),
          result,
        ).send(result.upload);
      },
    );

    // Declared before the GET of the same path, so Fastify does not derive its own HEAD from it.
    app.head(
      `${base}/:uploadId`,
      {
        config: { permission },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags,
          summary: 'The offset to resume my production upload from (tus)',
          params: productionUploadParams,
          headers: tusHeaders,
        },
      },
      async (request, reply) => {
        const upload = await uploads.status(callContext(request), request.params.uploadId, request.params.orderId);
        if (upload.status !== 'open' && upload.status !== 'completed') {
          throw new DomainError('evidence/upload-gone', `this upload is ${upload.status}`);
        }
        return uploadHeaders(reply.status(200), upload).send();
      },
    );

    app.get(
      `${base}/:uploadId`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'My production upload\u2019s status',
          params: productionUploadParams,
          response: withProblems({ 200: uploadViewSchema }),
        },
      },
      async (request) => uploads.status(callContext(request), request.params.uploadId, request.params.orderId),
    );

    app.patch(
      `${base}/:uploadId`,
      {
        config: { permission },
        onRequest: async (request, reply) => {
          tusVersionCheck(request, reply);
          const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
          if (type !== offsetContentType) {
            throw new DomainError('evidence/unsupported-media-type', `send the bytes as ${offsetContentType}`);
          }
        },
        onSend: async (request, reply) => {
          const body = request.body as IncomingMessage | undefined;
          if (body === undefined || body === null || !body.readableEnded) reply.header('connection', 'close');
        },
        schema: {
          tags,
          summary:
            'Append production bytes at Upload-Offset (tus); the last byte records the ' +
            'evidence item and the order\u2019s step',
          description:
            'A hash that differs from your declared SHA-256 keeps nothing (400 evidence/hash-mismatch) ' +
            'and ends the upload. The answer to the last chunk carries Hanoi247-Evidence-Id.',
          params: productionUploadParams,
          headers: patchUploadHeaders,
          response: withTusProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        const length = request.headers['content-length'];
        const { orderId, uploadId } = request.params;
        const result = await uploads.append(
          callContext(request),
          uploadId,
          Number(request.headers['upload-offset']),
          request.body as IncomingMessage,
          length === undefined ? null : Number(length),
          orderId,
        );
        return completed(reply.status(204), result).send();
      },
    );

    app.delete(
      `${base}/:uploadId`,
      {
        config: { permission },
        onRequest: async (request, reply) => tusVersionCheck(request, reply),
        schema: {
          tags,
          summary: 'Cancel my production upload (tus termination)',
          params: productionUploadParams,
          headers: tusHeaders,
          response: withTusProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await uploads.cancel(callContext(request), request.params.uploadId, request.params.orderId);
        return reply.status(204).send(null);
      },
    );
  };
