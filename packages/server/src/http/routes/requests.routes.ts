import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequestTransitionService } from '../../services/request-transition.service.js';
import type { RequestService } from '../../services/request.service.js';
import type { RequestDocumentService } from '../../services/request-document.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  purposeHeaderSchema,
  withProblems,
  assignableOfficersSchema,
  assignmentBody,
  createRequestBody,
  incomingRequestBody,
  listRequestsQuery,
  requestParams,
  requestViewSchema,
  timelineSchema,
  transitionBody,
  updateRequestBody,
  requestDocumentQuery,
  queueSchema,
  requestDocumentSchema,
  responseDocumentParams,
} from '@hanoi247/contract';

export interface RequestRouteDeps {
  readonly requests: RequestService;
  readonly transitions: RequestTransitionService;
  readonly documents: RequestDocumentService;
}

export const requestRoutes =
  ({ requests, transitions, documents }: RequestRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/requests',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['requests'],
          summary: 'Draft an outgoing request; missing fields are listed, not refused, until submission',
          body: createRequestBody,
          response: withProblems({ 201: requestViewSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await requests.createDraft(callContext(request), request.body)),
    );

    app.post(
      '/api/v1/requests/incoming',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['requests'],
          summary: 'Record a request received outside the network (letter, e-mail, phone)',
          body: incomingRequestBody,
          response: withProblems({ 201: requestViewSchema }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await requests.recordIncoming(callContext(request), request.body)),
    );

    app.get(
      '/api/v1/requests',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'The queue: emergencies first, then the nearest deadline',
          querystring: listRequestsQuery,
          response: withProblems({ 200: queueSchema }),
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        const items = await requests.list(callContext(request), { ...filter, limit, offset });
        return {
          requests: items.map((r) => ({
            id: r.id,
            reference: r.reference,
            type: r.type,
            direction: r.direction,
            state: r.state,
            priority: r.priority,
            requestingState: r.requestingState,
            requestedState: r.requestedState,
            nextDueAt: r.nextDueAt,
            createdAt: r.createdAt,
            assignee: r.assignedTo === null ? null : { id: r.assignedTo, displayName: r.assigneeName ?? r.assignedTo },
            escalated: r.escalated,
          })),
        };
      },
    );

    app.get(
      '/api/v1/requests/:requestId',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'One request with its actions, missing fields, warnings, conditions and clocks (audited)',
          params: requestParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: requestViewSchema }),
        },
      },
      async (request) => requests.get(callContext(request), request.params.requestId, purposeOf(request)),
    );

    app.patch(
      '/api/v1/requests/:requestId',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['requests'],
          summary: 'Edit a draft (the editor can no longer approve it)',
          params: requestParams,
          body: updateRequestBody,
          response: withProblems({ 200: requestViewSchema }),
        },
      },
      async (request) => {
        const { version, ...patch } = request.body;
        return requests.updateDraft(callContext(request), request.params.requestId, patch, version);
      },
    );

    app.post(
      '/api/v1/requests/:requestId/transitions',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary:
            'Apply an action: submit, approve, send, acknowledge, refuse, accept-with-conditions, ' +
            'withdraw and the rest',
          description: 'An action not allowed from the current state answers 409 listing the allowed ones.',
          params: requestParams,
          body: transitionBody,
          response: withProblems({ 200: requestViewSchema }),
        },
      },
      async (request) =>
        transitions.transition(
          callContext(request),
          request.params.requestId,
          request.body.action,
          request.body.payload,
        ),
    );

    app.post(
      '/api/v1/requests/:requestId/assignment',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['requests'],
          summary: 'Assign the request to an officer who can see it, or unassign it (null)',
          params: requestParams,
          body: assignmentBody,
          response: withProblems({ 200: requestViewSchema }),
        },
      },
      async (request) => requests.assign(callContext(request), request.params.requestId, request.body.userId),
    );

    app.get(
      '/api/v1/requests/:requestId/assignable-officers',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['requests'],
          summary:
            'The active officers who can see this request and so may be assigned it: ids and names only (audited)',
          params: requestParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: assignableOfficersSchema }),
        },
      },
      async (request) => ({
        officers: await requests.assignableOfficers(callContext(request), request.params.requestId, purposeOf(request)),
      }),
    );

    app.get(
      '/api/v1/requests/:requestId/timeline',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'Every event of a request, oldest first',
          params: requestParams,
          response: withProblems({ 200: timelineSchema }),
        },
      },
      async (request) => ({ events: await requests.timeline(callContext(request), request.params.requestId) }),
    );

    app.get(
      '/api/v1/requests/:requestId/document.json',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary:
            'The signed electronic record: RFC 8785 canonical JSON, SHA-256 digest and ' +
            'the node\u2019s Ed25519 signature',
          params: requestParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: requestDocumentSchema }),
        },
      },
      async (request) => documents.canonical(callContext(request), request.params.requestId, purposeOf(request)),
    );

    app.get(
      '/api/v1/requests/:requestId/document.pdf',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary:
            'The formal document: the requested State\u2019s language and English, with ' +
            'reference, key fingerprint and QR code',
          params: requestParams,
          querystring: requestDocumentQuery,
          headers: purposeHeaderSchema,
        },
      },
      async (request, reply) => {
        const { reference, pdf } = await documents.pdf(
          callContext(request),
          request.params.requestId,
          request.query.languages,
          purposeOf(request),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${reference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/api/v1/requests/:requestId/responses/:eventId/document.pdf',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'The formal document of one response (acknowledgement, refusal, conditions, preservation…)',
          params: responseDocumentParams,
          headers: purposeHeaderSchema,
        },
      },
      async (request, reply) => {
        const { reference, pdf } = await documents.responsePdf(
          callContext(request),
          request.params.requestId,
          request.params.eventId,
          purposeOf(request),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${reference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`)
          .send(pdf);
      },
    );
  };
