import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  currentKey,
  keyFingerprint,
  keyIdOf,
  rawPublicKey,
  sealEnvelope,
  signDescriptor,
  x25519PublicKey,
  type Envelope,
  type JsonValue,
  type NodeDescriptor,
  type SignedDescriptor,
} from '@hanoi247/core';
import { federate, TestNode, type SignedInUser, type TestNodeOptions } from '@hanoi247/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { envelopeContentType, httpTransport, type Transport, type TransportResponse } from './http-transport.js';
import { uuidV7Ids } from '../identity/ids.js';
import { loadKeyring, type NodeKeyring } from '../identity/node-keyring.js';
import {
  day,
  hour,
  longSessions as longSessionConfig,
  minute,
  preservationDetails,
} from '../http/requests.fixtures.js';

/** Helpers for the federation tests: two real nodes, a fault-injecting transport, hand-sealed envelopes. */

export { day, hour, minute };

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

export interface Pair {
  readonly vn: TestNode;
  readonly sg: TestNode;
  readonly users: Record<'vnAdmin' | 'vnDuty' | 'vnChief' | 'sgAdmin' | 'sgDuty' | 'sgChief', SignedInUser>;
  /** Where each node listens on loopback. */
  readonly urls: { readonly vn: string; readonly sg: string };
  stop(): Promise<void>;
}

/** Sessions that survive the clock travel these tests do. */
const longSessions = (options: TestNodeOptions): TestNodeOptions => ({
  ...options,
  configure: (config) => (options.configure ?? ((c) => c))(longSessionConfig(config)),
});

/**
 * Viet Nam and Singapore on loopback, pinned to each other, each with an administrator, a duty officer and a
 * supervisor.
 */
export async function startPair(options: { vn?: TestNodeOptions; sg?: TestNodeOptions } = {}): Promise<Pair> {
  const vn = await TestNode.start(longSessions({ country: 'VN', name: 'Viet Nam 24/7', ...options.vn }));
  const sg = await TestNode.start(longSessions({ country: 'SG', name: 'Singapore 24/7', ...options.sg }));
  const urls = { vn: await vn.listen(), sg: await sg.listen() };
  await federate([vn, sg]);
  const vnAdmin = await vn.administrator();
  const sgAdmin = await sg.administrator();
  const users = {
    vnAdmin,
    sgAdmin,
    vnDuty: await vn.user(vnAdmin, 'vn.duty', ['duty_officer']),
    vnChief: await vn.user(vnAdmin, 'vn.chief', ['supervisor']),
    sgDuty: await sg.user(sgAdmin, 'sg.duty', ['duty_officer']),
    sgChief: await sg.user(sgAdmin, 'sg.chief', ['supervisor']),
  };
  return {
    vn,
    sg,
    users,
    urls,
    async stop() {
      await vn.stop();
      await sg.stop();
    },
  };
}

export interface RequestJson {
  readonly id: string;
  readonly reference: string;
  readonly state: string;
  readonly priority: string;
}

export async function act(
  node: TestNode,
  as: SignedInUser,
  id: string,
  action: string,
  payload: Record<string, unknown> = {},
): Promise<RequestJson> {
  const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, { as, body: { action, payload } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RequestJson>();
}

/** Drafts, submits, approves and sends a preservation request from Viet Nam to Singapore: one message queued. */
export async function sendPreservation(
  pair: Pair,
  priority: 'normal' | 'urgent' | 'emergency' = 'urgent',
): Promise<RequestJson> {
  const { vn, users } = pair;
  const justification =
    priority === 'emergency'
      ? { emergencyJustification: 'A kidnapped child is held; the account shows where, within hours.' }
      : {};
  const created = await vn.call('POST', '/api/v1/requests', {
    as: users.vnDuty,
    body: {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      priority,
      ...justification,
      details: preservationDetails(),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json<RequestJson>();
  await act(vn, users.vnDuty, id, 'submit');
  await act(vn, users.vnChief, id, 'approve');
  return act(vn, users.vnDuty, id, 'send');
}

export async function incomingAt(node: TestNode, as: SignedInUser): Promise<RequestJson[]> {
  return (await node.call('GET', '/api/v1/requests?direction=incoming', { as })).json<{ requests: RequestJson[] }>()
    .requests;
}

export async function timeline(
  node: TestNode,
  as: SignedInUser,
  id: string,
): Promise<{ kind: string; action: string; payload: Record<string, unknown> }[]> {
  return (await node.call('GET', `/api/v1/requests/${id}/timeline`, { as })).json<{
    events: { kind: string; action: string; payload: Record<string, unknown> }[];
  }>().events;
}

export async function outboxRows(node: TestNode) {
  return node.app.node.database.db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('created_at')
    .orderBy('message_id')
    .execute();
}

export async function inboxRows(node: TestNode) {
  return node.app.node.database.db
    .selectFrom('inbox')
    .selectAll()
    .orderBy('received_at')
    .orderBy('message_id')
    .execute();
}

/** The pending envelope of the newest queued message, as the sender stored it. */
export async function latestPendingEnvelope(
  node: TestNode,
): Promise<{ text: string; envelope: Envelope; messageId: string }> {
  const rows = (await outboxRows(node)).filter((r) => r.status === 'pending' && r.envelope !== null);
  const row = rows.at(-1);
  if (row === undefined || row.envelope === null) throw new Error('no pending envelope in the outbox');
  return { text: row.envelope, envelope: JSON.parse(row.envelope) as Envelope, messageId: row.message_id };
}

export async function auditEntries(
  node: TestNode,
  action: string,
): Promise<{ objectId: string; outcome: string; details: Record<string, unknown> }[]> {
  const rows = await node.app.node.database.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    objectId: r.object_id ?? '',
    outcome: r.outcome,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/** What a message could have changed at the receiver: inbox rows and requests. */
export async function effects(node: TestNode): Promise<{ inbox: number; requests: number }> {
  const count = async (table: 'inbox' | 'requests') =>
    Number(
      (
        await node.app.node.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { inbox: await count('inbox'), requests: await count('requests') };
}

export function postEnvelope(
  node: TestNode,
  body: string,
  contentType = envelopeContentType,
): Promise<LightMyRequestResponse> {
  return node.app.inject({
    method: 'POST',
    url: '/federation/v1/inbox',
    headers: { 'content-type': contentType },
    payload: body,
  });
}

/**
 * Posts a bad envelope and checks the whole refusal: the problem code and a 4xx status, one
 * 'federation.rejected' audit entry with that reason, and no inbox row or request created.
 */
export async function expectRejected(node: TestNode, body: string, code: string, status: number): Promise<void> {
  const before = await effects(node);
  const rejectedBefore = (await auditEntries(node, 'federation.rejected')).length;
  const response = await postEnvelope(node, body);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json<Problem>()).toMatchObject({ status, code });
  expect(response.statusCode).toBe(status);
  const rejected = await auditEntries(node, 'federation.rejected');
  expect(rejected).toHaveLength(rejectedBefore + 1);
  expect(rejected.at(-1)).toMatchObject({ outcome: 'denied', details: { reason: code } });
  expect(await effects(node)).toEqual(before);
}

/** A transport in front of the real one that drops, duplicates or rewrites, and remembers every body it was handed. */
export interface FaultProxy {
  readonly transport: Transport;
  /** Every body the dispatcher tried to send, in order. */
  readonly bodies: string[];
  /** Every answer the partner gave, before any fault or rewrite. */
  readonly responses: TransportResponse[];
  fault: 'none' | 'drop-request' | 'drop-receipt' | 'triplicate';
  rewrite: ((response: TransportResponse) => TransportResponse | Promise<TransportResponse>) | null;
}

export function faultProxy(): FaultProxy {
  const proxy: FaultProxy = {
    bodies: [],
    responses: [],
    fault: 'none',
    rewrite: null,
    transport: async (baseUrl, path, body) => {
      proxy.bodies.push(body);
      if (proxy.fault === 'drop-request') throw new Error('connection refused (injected)');
      const copies = proxy.fault === 'triplicate' ? 3 : 1;
      let response: TransportResponse | undefined;
      for (let copy = 0; copy < copies; copy += 1) {
        response = await httpTransport(baseUrl, path, body);
        proxy.responses.push(response);
      }
      if (response === undefined) throw new Error('unreachable');
      if (proxy.fault === 'drop-receipt') throw new Error('connection reset after the request was sent (injected)');
      return proxy.rewrite === null ? response : proxy.rewrite(response);
    },
  };
  return proxy;
}

export const messageIdOf = (body: string): string => (JSON.parse(body) as Envelope).header.messageId;

export function keyringOf(node: TestNode): NodeKeyring {
  const keyring = loadKeyring(node.config.dataDir);
  if (keyring === null) throw new Error(`no keyring in ${node.config.dataDir}`);
  return keyring;
}

let sequence = 0;

/** A valid request.sent payload from one State to another, with a fresh reference. */
export function requestSent(from: string, to: string, at: Date): JsonValue {
  sequence += 1;
  return {
    reference: `${from}-2026-T${String(sequence).padStart(5, '0')}`,
    type: 'PRESERVATION_42',
    legalBasis: 'UN',
    requestingState: from,
    requestedState: to,
    language: 'en',
    translations: [],
    priority: 'normal',
    emergencyJustification: null,
    details: preservationDetails() as JsonValue,
    createdAt: at.toISOString(),
    sentBy: 'test',
  };
}

export interface SealOptions {
  readonly from: string;
  readonly to: string;
  readonly signingKey: KeyObject;
  readonly keyId: string;
  /** The recipient's current encryption key and its key id. */
  readonly recipient: { readonly encryptionKey: KeyObject; readonly keyId: string };
  readonly createdAt: Date;
  readonly ttlHours?: number;
  readonly payload?: JsonValue;
}

/** Seals a request.sent envelope with the given keys and times, as the serialized body a sender would post. */
export async function seal(options: SealOptions): Promise<string> {
  const envelope = await sealEnvelope({
    header: {
      messageId: uuidV7Ids(),
      from: options.from,
      to: options.to,
      type: 'request.sent',
      createdAt: options.createdAt.toISOString(),
      expiresAt: new Date(options.createdAt.getTime() + (options.ttlHours ?? 72) * hour).toISOString(),
      inReplyTo: null,
    },
    payload: options.payload ?? requestSent(options.from, options.to, options.createdAt),
    sender: { signingKey: options.signingKey, keyId: options.keyId },
    recipient: options.recipient,
  });
  return JSON.stringify(envelope);
}

/** Seals a request.sent from one test node to another with their real keys. */
export async function sealBetween(
  sender: TestNode,
  recipient: TestNode,
  createdAt = sender.clock.now(),
  overrides: Partial<SealOptions> = {},
): Promise<string> {
  const own = keyringOf(sender);
  const theirs = keyringOf(recipient);
  return seal({
    from: sender.config.node.country,
    to: recipient.config.node.country,
    signingKey: own.signingKey,
    keyId: own.current.keyId,
    recipient: { encryptionKey: x25519PublicKey(theirs.current.encryption.publicKey), keyId: theirs.current.keyId },
    createdAt,
    ...overrides,
  });
}

/** A key generation held in memory: what a partner implementation would keep. */
export interface FakeGeneration {
  readonly keyId: string;
  readonly signingKey: KeyObject;
  readonly descriptorKey: NodeDescriptor['keys'][number];
}

export function fakeGeneration(createdAt: Date, retiredAt: Date | null = null): FakeGeneration {
  const signing = generateKeyPairSync('ed25519');
  const encryption = generateKeyPairSync('x25519');
  const signingRaw = rawPublicKey(signing.publicKey);
  const encryptionRaw = rawPublicKey(encryption.publicKey);
  const keyId = keyIdOf(Buffer.from(signingRaw, 'base64url'));
  return {
    keyId,
    signingKey: signing.privateKey,
    descriptorKey: {
      keyId,
      createdAt: createdAt.toISOString(),
      retiredAt: retiredAt === null ? null : retiredAt.toISOString(),
      signing: { publicKey: signingRaw, fingerprint: keyFingerprint(Buffer.from(signingRaw, 'base64url')) },
      encryption: { publicKey: encryptionRaw, fingerprint: keyFingerprint(Buffer.from(encryptionRaw, 'base64url')) },
    },
  };
}

/**
 * A descriptor for a partner that is not a TestNode, listing the given generations, signed by
 * the current one. `endpoints` lets a test leave out `acceptsInbound`, as an older node would.
 */
export async function fakeDescriptor(
  country: string,
  generations: readonly FakeGeneration[],
  issuedAt: Date,
  endpoints: { base: string; acceptsInbound?: boolean } = { base: 'http://127.0.0.1:9', acceptsInbound: true },
): Promise<SignedDescriptor> {
  const descriptor = {
    v: 1,
    country,
    name: `${country} test partner`,
    endpoints,
    keys: generations.map((g) => g.descriptorKey),
    roster: [],
    languages: ['en'],
    authorities: [],
    reservations: [],
    issuedAt: issuedAt.toISOString(),
  } as NodeDescriptor;
  const current = generations.find((g) => g.keyId === currentKey(descriptor).keyId);
  if (current === undefined) throw new Error('no current generation');
  return signDescriptor(descriptor, current.signingKey);
}
