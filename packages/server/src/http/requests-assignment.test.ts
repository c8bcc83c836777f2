import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  interceptionDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

interface Assigned {
  readonly assignedTo: string | null;
  readonly assignee: { readonly id: string; readonly displayName: string } | null;
}
interface QueueItem {
  readonly reference: string;
  readonly assignee: { readonly id: string; readonly displayName: string } | null;
  readonly escalated: boolean;
}

/** Who handles a request: assignment to an officer who can see it, the inbox filter, the audit trail. */
describe('request assignment', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let other: SignedInUser;
  let central: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let first: RequestJson;
  let second: RequestJson;
  let interception: RequestJson;
  const unknownId = '01900000-0000-7000-8000-000000000000';

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'assign.duty', ['duty_officer']);
    other = await node.user(admin, 'assign.other', ['duty_officer']);
    central = await node.user(admin, 'assign.central', ['central_authority_officer']);
    auditor = await node.user(admin, 'assign.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
    first = await api.receive(duty, {
      reference: 'FR-2026-A1',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
    second = await api.receive(duty, {
      reference: 'FR-2026-A2',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
    interception = await api.receive(central, {
      reference: 'FR-2026-A46',
      requestingState: 'FR',
      type: 'INTERCEPTION_46',
      legalBasis: 'UN',
      language: 'en',
      details: interceptionDetails(),
    });
  });
  afterAll(async () => node.stop());

  const assign = (as: SignedInUser, id: string, userId: string | null) =>
    node.call('POST', `/api/v1/requests/${id}/assignment`, { as, body: { userId } });
  const queue = async (as: SignedInUser, query = '') => {
    const reply = await node.call('GET', `/api/v1/requests${query}`, { as });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<{ requests: QueueItem[] }>().requests;
  };
  const references = async (as: SignedInUser, query: string) => (await queue(as, query)).map((r) => r.reference);

  it('starts unassigned', async () => {
    expect(await api.view(duty, first.id)).toMatchObject({ assignedTo: null, assignee: null });
    expect(await references(duty, '?assignee=unassigned')).toEqual(['FR-2026-A1', 'FR-2026-A2']);
    expect(await references(duty, '?assignee=me')).toEqual([]);
  });

  it('assigns to oneself, shows in the view, the queue and the timeline, and is audited', async () => {
    const reply = await assign(duty, first.id, duty.userId);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<Assigned>()).toMatchObject({
      assignedTo: duty.userId,
      assignee: { id: duty.userId, displayName: expect.any(String) as unknown },
    });
    expect((await api.view(duty, first.id)).version).toBe(first.version + 1);
    expect(await references(duty, '?assignee=me')).toEqual(['FR-2026-A1']);
    expect(await references(duty, `?assignee=${duty.userId}`)).toEqual(['FR-2026-A1']);
    expect(await references(duty, '?assignee=unassigned')).toEqual(['FR-2026-A2']);
    expect((await queue(duty)).find((r) => r.reference === 'FR-2026-A1')?.assignee?.id).toBe(duty.userId);
    const events = await api.timeline(duty, first.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'updated',
      action: 'assign',
      actorId: duty.userId,
      payload: { from: null, to: duty.userId },
    });
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'request.assigned')
      .where('object_id', '=', first.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('reassigns to another officer, then unassigns', async () => {
    expect((await assign(duty, first.id, other.userId)).json<Assigned>().assignee?.id).toBe(other.userId);
    expect(await references(duty, '?assignee=me')).toEqual([]);
    expect(await references(other, '?assignee=me')).toEqual(['FR-2026-A1']);
    const unassigned = await assign(other, first.id, null);
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect(unassigned.json<Assigned>()).toMatchObject({ assignedTo: null, assignee: null });
    expect(await references(duty, '?assignee=unassigned')).toEqual(['FR-2026-A1', 'FR-2026-A2']);
    expect((await api.timeline(duty, first.id)).slice(-2).map((e) => e.action)).toEqual(['assign', 'unassign']);
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'request.assigned')
      .where('object_id', '=', first.id)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses an assignee who is unknown, cannot read requests or cannot see this one (400)', async () => {
    for (const userId of [unknownId, auditor.userId]) {
      const reply = await assign(duty, second.id, userId);
      expect(reply.statusCode).toBe(400);
      expect(reply.json<Problem>().code).toBe('request/invalid-assignee');
    }
    const hidden = await assign(central, interception.id, duty.userId);
    expect(hidden.statusCode).toBe(400);
    expect((await assign(central, interception.id, central.userId)).statusCode).toBe(200);
    expect((await api.view(duty, second.id)).assignee).toBeNull();
  });

  it('answers 404 for a request the caller cannot see, and 403 without the drafting permission', async () => {
    const hidden = await assign(duty, interception.id, duty.userId);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<Problem>().code).toBe('request/not-found');
    expect((await assign(duty, unknownId, duty.userId)).statusCode).toBe(404);
    expect((await assign(auditor, second.id, null)).statusCode).toBe(403);
    expect((await node.call('GET', '/api/v1/requests?assignee=someone', { as: duty })).statusCode).toBe(400);
  });

  it('flags requests with an escalated clock in the queue', async () => {
    expect((await queue(duty)).every((r) => !r.escalated)).toBe(true);
    const db = node.app.node.database.db;
    const clock = await db
      .selectFrom('deadlines')
      .select('id')
      .where('request_id', '=', second.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('deadlines')
      .set({ status: 'breached', escalated_at: new Date().toISOString() })
      .where('id', '=', clock.id)
      .execute();
    const items = await queue(duty);
    expect(items.find((r) => r.reference === 'FR-2026-A2')?.escalated).toBe(true);
    expect(items.find((r) => r.reference === 'FR-2026-A1')?.escalated).toBe(false);
  });
});
