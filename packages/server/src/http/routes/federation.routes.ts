import { maxEnvelopeBytes } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { envelopeContentType } from '../../federation/http-transport.js';
import { ownDescriptor, type OwnIdentity } from '../../federation/own-descriptor.js';
import type { NodeKeyring } from '../../identity/node-keyring.js';
import type { Inbox } from '../../services/inbox.service.js';
import type { FederationStatusService } from '../../services/federation-status.service.js';
import type { PeerService } from '../../services/peer.service.js';
import type { PullService } from '../../services/pull.service.js';
import { DomainError } from '@hanoi247/core';
import { callContext } from '../call-context.js';
import {
  federationStatusSchema,
  inboxAnswerSchema,
  peerParams,
  peersSchema,
  pinPeerBody,
  pullAnswerSchema,
  receiptsAnswerSchema,
  receiptsBody,
  withProblems,
} from '@hanoi247/contract';

export interface FederationRouteDeps {
  readonly identity: () => OwnIdentity;
  readonly keyring: () => NodeKeyring;
  readonly now: () => Date;
  readonly inbox: Inbox;
  readonly peers: PeerService;
  readonly status: FederationStatusService;
  readonly pull: PullService;
}

/**
 * Node-to-node endpoints are public at the HTTP layer: their authentication is the
 * envelope's signature by a pinned key, checked before anything is written.
 */
export const federationRoutes =
  (deps: FederationRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(
      envelopeContentType,
      { parseAs: 'string', bodyLimit: maxEnvelopeBytes + 64 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/federation/v1/descriptor',
      {
        config: { public: true },
        schema: { tags: ['federation'], summary: 'This node\u2019s signed descriptor, to pin by its fingerprint' },
      },
      async () => ownDescriptor(deps.identity(), deps.keyring(), deps.now().toISOString()),
    );

    app.post(
      '/federation/v1/inbox',
      {
        config: { public: true },
        bodyLimit: maxEnvelopeBytes + 64 * 1024,
        schema: {
          tags: ['federation'],
          summary: 'Receive a signed, encrypted envelope; answers with a signed receipt once committed',
          description: `Content type ${envelopeContentType}; see docs/protocols/federation.md.`,
          response: withProblems({ 200: inboxAnswerSchema }),
        },
      },
      async (request) => ({ receipt: await deps.inbox.receive(typeof request.body === 'string' ? request.body : '') }),
    );

    app.post(
      '/federation/v1/pull',
      {
        config: { public: true },
        schema: {
          tags: ['federation'],
          summary:
            'Pull mode: a partner that accepts no inbound connection fetches its envelopes with a signed pull request',
          response: withProblems({ 200: pullAnswerSchema }),
        },
      },
      async (request) => ({
        envelopes: await deps.pull.waitingFor(typeof request.body === 'string' ? request.body.trim() : ''),
      }),
    );

    app.post(
      '/federation/v1/receipts',
      {
        config: { public: true },
        schema: {
          tags: ['federation'],
          summary: 'Pull mode: signed receipts for pulled envelopes',
          response: withProblems({ 200: receiptsAnswerSchema }),
        },
      },
      async (request) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(typeof request.body === 'string' ? request.body : '');
        } catch {
          throw new DomainError('federation/invalid-receipt', 'the body is not JSON');
        }
        const body = receiptsBody.safeParse(parsed);
        if (!body.success) throw new DomainError('federation/invalid-receipt', 'expected {from, receipts}');
        return { accepted: await deps.pull.acceptReceipts(body.data.from, body.data.receipts) };
      },
    );

    app.get(
      '/api/v1/peers',
      {
        config: { permission: 'node:read' },
        schema: {
          tags: ['federation'],
          summary: 'Pinned partner nodes with languages, roster, reservations and key fingerprints',
          response: withProblems({ 200: peersSchema }),
        },
      },
      async (request) => ({
        peers: await deps.peers.list(callContext(request)),
      }),
    );

    app.post(
      '/api/v1/peers',
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags: ['federation'],
          summary: 'Pin a partner node by its descriptor and the fingerprint received out of band',
          body: pinPeerBody,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await deps.peers.pin(callContext(request), request.body.descriptor, request.body.fingerprint)),
    );

    app.delete(
      '/api/v1/peers/:country',
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags: ['federation'],
          summary: 'Remove a partner: its keys are no longer trusted',
          params: peerParams,
        },
      },
      async (request, reply) => {
        await deps.peers.remove(callContext(request), request.params.country);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/v1/federation/status',
      {
        config: { permission: 'node:read' },
        schema: {
          tags: ['federation'],
          summary: 'Partners, queued messages and delivery failures',
          response: withProblems({ 200: federationStatusSchema }),
        },
      },
      async (request) => deps.status.status(callContext(request)),
    );
  };
