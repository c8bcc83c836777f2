import type { IncomingMessage } from 'node:http';
import type { SignedDescriptor } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ProviderOrderService } from '../../services/provider-order.service.js';
import { callContext } from '../call-context.js';
import {
  withProblems,
  confirmPreservationBody,
  objectBody,
  orderParams,
  orderTimelineSchema,
  productionHeaders,
  productionReceiptSchema,
  providerOrderViewSchema,
  signedOrderSchema,
  providerOrdersQuery,
  providerOrdersSchema,
  withUploadProblems,
} from '@hanoi247/contract';

export interface ProviderOrderRouteDeps {
  readonly providerOrders: ProviderOrderService;
  readonly descriptor: () => Promise<SignedDescriptor>;
}

const base = '/api/v1/provider/orders';
const permission = 'provider-orders:respond' as const;
const tags = ['provider'];

function decodedFilename(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The provider's side, for its users in the portal and its systems with an API token scoped to
 * provider-orders:respond. Any order that is not served on the caller's provider answers 404
 * and is logged as a denied access.
 */
export const providerOrderRoutes =
  ({ providerOrders, descriptor }: ProviderOrderRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Production streams to the evidence store as it arrives: never buffered, no JSON body limit (this scope only).
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

    app.get(
      base,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'The orders served on my provider, newest first',
          querystring: providerOrdersQuery,
          response: withProblems({ 200: providerOrdersSchema }),
        },
      },
      async (request) => {
        const { limit, offset, state } = request.query;
        return { orders: await providerOrders.list(callContext(request), { state, limit, offset }) };
      },
    );

    app.get(
      `${base}/:orderId`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'One order: terms, periods, clocks and the actions open to me',
          params: orderParams,
          response: withProblems({ 200: providerOrderViewSchema }),
        },
      },
      async (request) => providerOrders.get(callContext(request), request.params.orderId),
    );

    app.get(
      `${base}/:orderId/timeline`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'What happened to the order, by side (officers are not named)',
          params: orderParams,
          response: withProblems({ 200: orderTimelineSchema }),
        },
      },
      async (request) => ({
        events: await providerOrders.timeline(callContext(request), request.params.orderId),
      }),
    );

    app.get(
      `${base}/:orderId/signed`,
      {
        config: { permission },
        schema: {
          tags,
          summary:
            'The order signed by the node, with its descriptor: verify it offline before ' +
            'acting (hanoi247 verify-order)',
          params: orderParams,
          response: withProblems({ 200: signedOrderSchema }),
        },
      },
      async (request) => providerOrders.signed(callContext(request), request.params.orderId, await descriptor()),
    );

    app.post(
      `${base}/:orderId/acknowledge`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'Acknowledge receipt of the order',
          params: orderParams,
          response: withProblems({ 200: providerOrderViewSchema }),
        },
      },
      async (request) => providerOrders.act(callContext(request), request.params.orderId, 'acknowledge', {}),
    );

    app.post(
      `${base}/:orderId/confirm-preservation`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'Confirm what was preserved and until when (at least the end of the ordered period)',
          params: orderParams,
          body: confirmPreservationBody,
          response: withProblems({ 200: providerOrderViewSchema }),
        },
      },
      async (request) =>
        providerOrders.act(callContext(request), request.params.orderId, 'confirm-preservation', {
          preservedUntil: request.body.preservedUntil,
          preservedWhat: request.body.what,
        }),
    );

    app.post(
      `${base}/:orderId/object`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'Object: incomplete, data not held, not the addressee, technically impossible, conflicting law',
          params: orderParams,
          body: objectBody,
          response: withProblems({ 200: providerOrderViewSchema }),
        },
      },
      async (request) =>
        providerOrders.act(callContext(request), request.params.orderId, 'object', {
          reasonCode: request.body.reasonCode,
          note: request.body.note,
        }),
    );

    app.post(
      `${base}/:orderId/start-collection`,
      {
        config: { permission },
        schema: {
          tags,
          summary: 'Real-time collection or interception has started (within the authorised period)',
          params: orderParams,
          response: withProblems({ 200: providerOrderViewSchema }),
        },
      },
      async (request) => providerOrders.act(callContext(request), request.params.orderId, 'start-collection', {}),
    );

    app.post(
      `${base}/:orderId/production`,
      {
        config: { permission },
        // Refused before the body was read (404, 409, 413): close rather than drain it to keep the connection.
        onSend: async (request, reply) => {
          const body = request.body as IncomingMessage | undefined;
          if (body === undefined || body === null || !body.readableEnded) reply.header('connection', 'close');
        },
        schema: {
          tags,
          summary:
            'Deliver one production file: the body is the file (application/octet-stream), ' +
            'streamed into the evidence store',
          description:
            'Send your SHA-256 in X-Content-SHA256: a mismatch keeps nothing (400 evidence/hash-mismatch). ' +
            'The file becomes an evidence item of the request the order executes, with ' +
            'its custody events.',
          params: orderParams,
          headers: productionHeaders,
          response: withUploadProblems({ 201: productionReceiptSchema }),
        },
      },
      async (request, reply) => {
        const headers = request.headers;
        const length = headers['content-length'];
        const receipt = await providerOrders.deliverProduction(
          callContext(request),
          request.params.orderId,
          {
            filename: decodedFilename(headers['x-filename']),
            mediaType: headers['x-media-type'] ?? 'application/octet-stream',
            sha256: headers['x-content-sha256'].toLowerCase(),
            dataCategory: headers['x-data-category'],
          },
          request.body as IncomingMessage,
          length === undefined ? null : Number(length),
        );
        return reply.status(201).send(receipt);
      },
    );
  };
