import type { Envelope } from '@hanoi247/core';
import { federate, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, type Transport } from '../federation/http-transport.js';
import { longSessions, preservationDetails } from '../http/requests.fixtures.js';

/**
 * Each message backs off on its own jittered schedule, so while a partner is down a normal
 * message can fall due before an emergency that has waited longer. When the partner comes back,
 * the emergency must still go first.
 */
describe('dispatcher queue order for a partner that comes back', () => {
  let down = true;
  const sent: string[] = [];
  const transport: Transport = async (baseUrl, path, body) => {
    sent.push((JSON.parse(body) as Envelope).header.messageId);
    if (down) throw new Error('connect ECONNREFUSED (injected)');
    return httpTransport(baseUrl, path, body);
  };
  let vn: TestNode;
  let sg: TestNode;
  let duty: SignedInUser;
  let chief: SignedInUser;

  const configure = longSessions;
  const dispatch = () => vn.app.node.services.dispatcher.dispatchDue();
  const outbox = () => vn.app.node.database.db.selectFrom('outbox').selectAll().execute();
  const messageFor = async (requestId: string) => (await outbox()).find((m) => m.request_id === requestId)!;

  const send = async (priority: 'normal' | 'emergency') => {
    const justification =
      priority === 'emergency'
        ? { emergencyJustification: 'A kidnapped child is held; the account shows where, within hours.' }
        : {};
    const created = await vn.call('POST', '/api/v1/requests', {
      as: duty,
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
    const { id } = created.json<{ id: string }>();
    for (const [who, action] of [
      [duty, 'submit'],
      [chief, 'approve'],
      [duty, 'send'],
    ] as const) {
      const moved = await vn.call('POST', `/api/v1/requests/${id}/transitions`, {
        as: who,
        body: { action, payload: {} },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return id;
  };

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN', name: 'Viet Nam 24/7', transport, configure });
    sg = await TestNode.start({ country: 'SG', name: 'Singapore 24/7', configure });
    await vn.listen();
    await sg.listen();
    await federate([vn, sg]);
    const admin = await vn.administrator();
    duty = await vn.user(admin, 'vn.duty', ['duty_officer']);
    chief = await vn.user(admin, 'vn.chief', ['supervisor']);
  });
  afterAll(async () => {
    await vn.stop();
    await sg.stop();
  });

  it('sends the emergency first even when the normal message falls due before it', async () => {
    const emergency = await send('emergency');
    // Three failed attempts: the emergency's next try is 4-8 s away (2 s × 2² × jitter).
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      if (attempt > 1) vn.clock.set(new Date((await messageFor(emergency)).next_attempt_at));
      expect(await dispatch()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    }
    const normal = await send('normal');
    sent.length = 0;
    // The normal message falls due first (1-2 s away); the emergency is not due yet.
    expect(await dispatch()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [waiting, due] = [await messageFor(emergency), await messageFor(normal)];
    expect(waiting).toMatchObject({ status: 'pending', attempts: 3 });
    expect(due).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(due.next_attempt_at)).toBeLessThan(Date.parse(waiting.next_attempt_at));
    // The emergency was tried ahead of its schedule, which still stands.
    expect(sent).toEqual([waiting.message_id]);

    down = false;
    sent.length = 0;
    vn.clock.set(new Date(due.next_attempt_at));
    sg.clock.set(vn.clock.now());
    expect(await dispatch()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(sent).toEqual([waiting.message_id, due.message_id]);
    expect((await outbox()).filter((m) => m.status === 'pending')).toEqual([]);
  });
});
