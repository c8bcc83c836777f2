import type { SignedDescriptor } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OrderFromRequestService } from '../../services/order-from-request.service.js';
import type { OrderService } from '../../services/order.service.js';
import type { ProviderAnswerService } from '../../services/provider-answers.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  purposeHeaderSchema,
  withProblems,
  evidenceListSchema,
  amendOrderBody,
  createOrderBody,
  fromRequestBody,
  listOrdersQuery,
  officerOrderViewSchema,
  orderParams,
  orderTimelineSchema,
  orderTransitionBody,
  providerAnswerBody,
  signedOrderSchema,
  officerOrdersSchema,
  ordersFromRequestSchema,
  requestParams,
} from '@hanoi247/contract';

export interface OrderRouteDeps {
  readonly orders: OrderService;
  readonly fromRequests: OrderFromRequestService;
  readonly answers: ProviderAnswerService;
  /** This node's signed descriptor, handed out with every signed order. */
  readonly descriptor: () => Promise<SignedDescriptor>;
}

/** The officers' side of domestic orders to service providers (UN arts. 24-30). */
export const orderRoutes =
  ({ orders, fromRequests, answers, descriptor }: OrderRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['orders'];

    app.post(
      '/api/v1/orders',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'Draft a domestic order; a second officer authorises it before it can be served',
          body: createOrderBody,
          response: withProblems({ 201: officerOrderViewSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await orders.create(callContext(request), request.body)),
    );

    app.get(
      '/api/v1/orders',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'Domestic orders, newest first',
          querystring: listOrdersQuery,
          response: withProblems({ 200: officerOrdersSchema }),
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        return { orders: await orders.list(callContext(request), { ...filter, limit, offset }) };
      },
    );

    app.get(
      '/api/v1/orders/:orderId/evidence',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags,
          summary: 'The production delivered under the order, oldest first (audited)',
          params: orderParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: evidenceListSchema }),
        },
      },
      async (request) => ({
        items: await orders.evidence(callContext(request), request.params.orderId, purposeOf(request)),
      }),
    );

    app.get(
      '/api/v1/orders/:orderId',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'One order with its clocks and the provider\u2019s answers (audited)',
          params: orderParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: officerOrderViewSchema }),
        },
      },
      async (request) => orders.get(callContext(request), request.params.orderId, purposeOf(request)),
    );

    app.post(
      '/api/v1/orders/:orderId/transitions',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary:
            'authorise (a second officer), serve, renew, release, withdraw, review, ' +
            'enforce, end-collection, confirm-production-complete',
          description:
            'An action not allowed from the current state answers 409 listing the allowed ' +
            'ones. Serving and renewing sign a new revision of the order.',
          params: orderParams,
          body: orderTransitionBody,
          response: withProblems({ 200: officerOrderViewSchema }),
        },
      },
      async (request) =>
        orders.transition(callContext(request), request.params.orderId, request.body.action, request.body.payload),
    );

    app.post(
      '/api/v1/orders/:orderId/provider-answers',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary:
            'Record the answer of a provider that is not on the platform (acknowledge, confirm preservation, object)',
          description:
            'Only for a provider with no account on the platform. Name who answered, ' +
            'how and when it arrived, and the document (an evidence item of the request). ' +
            'The order\u2019s rules apply as in the portal; both States see that the ' +
            'answer was recorded by an officer.',
          params: orderParams,
          body: providerAnswerBody,
          response: withProblems({ 200: officerOrderViewSchema }),
        },
      },
      async (request) => {
        const { action, payload, receivedAt, channel, from, evidenceItemId } = request.body;
        return answers.record(callContext(request), request.params.orderId, action, payload, {
          channel,
          receivedAt,
          from,
          evidenceItemId,
        });
      },
    );

    app.post(
      '/api/v1/orders/:orderId/amend',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'After reviewing an objection: amend the terms; the order must be authorised again',
          params: orderParams,
          body: amendOrderBody,
          response: withProblems({ 200: officerOrderViewSchema }),
        },
      },
      async (request) => {
        const { note, ...amendment } = request.body;
        return orders.amend(callContext(request), request.params.orderId, amendment, note);
      },
    );

    app.get(
      '/api/v1/orders/:orderId/timeline',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'Every event of an order, oldest first',
          params: orderParams,
          response: withProblems({ 200: orderTimelineSchema }),
        },
      },
      async (request) => ({ events: await orders.timeline(callContext(request), request.params.orderId) }),
    );

    app.get(
      '/api/v1/orders/:orderId/signed',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary: 'The order as served, signed by the node: check it with hanoi247 verify-order',
          params: orderParams,
          response: withProblems({ 200: signedOrderSchema }),
        },
      },
      async (request) => orders.signed(callContext(request), request.params.orderId, await descriptor()),
    );

    app.post(
      '/api/v1/requests/:requestId/domestic-orders',
      {
        config: { permission: 'orders:issue' },
        schema: {
          tags,
          summary:
            'From an accepted incoming preservation (Art. 42) or stored-data (Art. 44) ' +
            'request: the domestic order(s) in one step',
          description:
            'Scope, non-disclosure and emergency are taken from the request unless given; ' +
            'the request moves to DOMESTIC_ORDER_ISSUED (Art. 42) or IN_EXECUTION (Art. ' +
            '44) in the same transaction.',
          params: requestParams,
          body: fromRequestBody,
          response: withProblems({ 201: ordersFromRequestSchema }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await fromRequests.create(callContext(request), request.params.requestId, request.body.orders)),
    );
  };
