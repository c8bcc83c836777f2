import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  interceptionDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

interface Officer {
  readonly id: string;
  readonly displayName: string;
}

/** The assignment picker: who a request can be handed to, told only to whoever may assign it. */
describe('assignable officers of a request', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let duty: SignedInUser;
  let other: SignedInUser;
  let central: SignedInUser;
  let supervisor: SignedInUser;
  let disabled: SignedInUser;
  let provider: SignedInUser;
  let auditor: SignedInUser;
  let preservation: RequestJson;
  let interception: RequestJson;
  const unknownId = '01900000-0000-7000-8000-000000000000';

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
    duty = await node.user(admin, 'pick.duty', ['duty_officer']);
    other = await node.user(admin, 'pick.other', ['duty_officer']);
    central = await node.user(admin, 'pick.central', ['central_authority_officer']);
    supervisor = await node.user(admin, 'pick.supervisor', ['supervisor']);
    disabled = await node.user(admin, 'pick.disabled', ['duty_officer']);
    provider = await node.user(admin, 'pick.provider', ['provider_user']);
    auditor = await node.user(admin, 'pick.auditor', ['auditor']);
    const off = await node.call('POST', `/api/v1/users/${disabled.userId}/disable`, { as: admin });
    expect(off.statusCode, off.body).toBe(200);
    const api = requestApi<SignedInUser>(node);
    preservation = await api.receive(duty, {
      reference: 'FR-2026-P1',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
    interception = await api.receive(central, {
      reference: 'FR-2026-P46',
      requestingState: 'FR',
      type: 'INTERCEPTION_46',
      legalBasis: 'UN',
      language: 'en',
      details: interceptionDetails(),
    });
  });
  afterAll(async () => node.stop());

  const listOf = (as: SignedInUser, id: string, headers: Record<string, string> = {}) =>
    node.call('GET', `/api/v1/requests/${id}/assignable-officers`, { as, headers });
  const officersOf = async (as: SignedInUser, id: string) => {
    const reply = await listOf(as, id);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<{ officers: Officer[] }>().officers;
  };

  it('lists the active officers who can see the request, by name, with ids and names only', async () => {
    const officers = await officersOf(duty, preservation.id);
    expect(officers.map((o) => o.id)).toEqual([central.userId, duty.userId, other.userId, supervisor.userId]);
    expect(officers.map((o) => o.displayName)).toEqual(['pick.central', 'pick.duty', 'pick.other', 'pick.supervisor']);
    for (const officer of officers) expect(Object.keys(officer).sort()).toEqual(['displayName', 'id']);
  });

  it('leaves out disabled accounts, provider users, administrators and auditors', async () => {
    const ids = (await officersOf(duty, preservation.id)).map((o) => o.id);
    for (const excluded of [disabled, provider, admin, auditor]) expect(ids).not.toContain(excluded.userId);
  });

  it(
    'leaves out officers who cannot see the request (interception: central authority ' + 'and supervisors only)',
    async () => {
      expect((await officersOf(central, interception.id)).map((o) => o.id)).toEqual([
        central.userId,
        supervisor.userId,
      ]);
    },
  );

  it(
    'answers 404 for a request the caller cannot see or that does not exist, ' + '403 without the right to assign',
    async () => {
      for (const [as, id] of [
        [duty, interception.id],
        [duty, unknownId],
      ] as const) {
        const hidden = await listOf(as, id);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json<Problem>().code).toBe('request/not-found');
      }
      expect((await listOf(auditor, preservation.id)).statusCode).toBe(403);
      expect((await listOf(provider, preservation.id)).statusCode).toBe(403);
      expect((await listOf(duty, 'not-a-uuid')).statusCode).toBe(400);
    },
  );

  it('writes the read to the audit log with its purpose, and not a refused one', async () => {
    const db = node.app.node.database.db;
    const entries = (id: string) =>
      db
        .selectFrom('audit_entries')
        .selectAll()
        .where('action', '=', 'request.assignees-listed')
        .where('object_id', '=', id)
        .orderBy('seq')
        .execute();
    const before = (await entries(preservation.id)).length;
    expect(
      (await listOf(other, preservation.id, { 'x-audit-purpose': 'handing over the night shift' })).statusCode,
    ).toBe(200);
    const after = await entries(preservation.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      actor_id: other.userId,
      purpose: 'handing over the night shift',
      outcome: 'success',
    });
    const hiddenBefore = (await entries(interception.id)).length;
    expect((await listOf(duty, interception.id)).statusCode).toBe(404);
    expect(await entries(interception.id)).toHaveLength(hiddenBefore);
  });

  it('offers exactly whom the assignment accepts: a listed officer is assigned, an unlisted user refused', async () => {
    const listed = await officersOf(duty, preservation.id);
    const pick = listed.find((o) => o.id === other.userId);
    expect(pick).toBeDefined();
    const reply = await node.call('POST', `/api/v1/requests/${preservation.id}/assignment`, {
      as: duty,
      body: { userId: pick?.id },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<{ assignee: Officer | null }>().assignee).toEqual(pick);
    for (const unlisted of [disabled, provider, admin, auditor]) {
      const refused = await node.call('POST', `/api/v1/requests/${preservation.id}/assignment`, {
        as: duty,
        body: { userId: unlisted.userId },
      });
      expect(refused.statusCode, unlisted.username).toBe(400);
      expect(refused.json<Problem>().code).toBe('request/invalid-assignee');
    }
  });
});
