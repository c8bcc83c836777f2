import type { Envelope } from '@hanoi247/core';
import { federate, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { httpTransport, type Transport } from '../federation/http-transport.js';
import { longSessions, preservationDetails } from '../http/requests.fixtures.js';

/**
 * Two dispatch runs at once, in one process (a timer tick and an operator's "deliver now") or in
 * two processes on one database, must send each outbox message once: the partner would refuse the
 * second copy (its inbox holds each message id once), and that refusal would show as a failure.
 */
describe('two dispatch runs at once', () => {
  const sent: string[] = [];
  const transport: Transport = async (baseUrl, path, body) => {
    sent.push((JSON.parse(body) as Envelope).header.messageId);
    return httpTransport(baseUrl, path, body);
  };
  let vn: TestNode;
  let sg: TestNode;
  let second: App;
  let duty: SignedInUser;
  let chief: SignedInUser;

  const sendRequest = async () => {
    const created = await vn.call('POST', '/api/v1/requests', {
      as: duty,
      body: {
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: 'SG',
        language: 'en',
        priority: 'normal',
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
  };
  const received = async () =>
    (await sg.app.node.database.db.selectFrom('inbox').select('message_id').execute()).map((r) => r.message_id);
  const failures = async () =>
    vn.app.node.database.db.selectFrom('outbox').select('message_id').where('status', '!=', 'delivered').execute();

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN', name: 'Viet Nam 24/7', transport, configure: longSessions });
    sg = await TestNode.start({ country: 'SG', name: 'Singapore 24/7', configure: longSessions });
    await vn.listen();
    await sg.listen();
    await federate([vn, sg]);
    const admin = await vn.administrator();
    duty = await vn.user(admin, 'vn.duty', ['duty_officer']);
    chief = await vn.user(admin, 'vn.chief', ['supervisor']);
    // A second node process on the same database, as two replicas behind one address would be.
    second = await buildApp(vn.config, { clock: vn.clock, transport });
  });
  afterAll(async () => {
    await second.close();
    await vn.stop();
    await sg.stop();
  });

  const exactlyOnce = async (runs: readonly (() => Promise<{ delivered: number }>)[]) => {
    for (let i = 0; i < 3; i += 1) await sendRequest();
    sent.length = 0;
    const before = (await received()).length;
    const summaries = await Promise.all(runs.map((run) => run()));
    expect(summaries.reduce((sum, s) => sum + s.delivered, 0)).toBe(3);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(3);
    const inbox = await received();
    expect(inbox).toHaveLength(before + 3);
    expect(inbox).toEqual(expect.arrayContaining(sent));
    expect(await failures()).toEqual([]);
  };

  it('in one process, sends each message exactly once', async () => {
    const run = () => vn.app.node.services.dispatcher.dispatchDue();
    await exactlyOnce([run, run]);
  });

  it('in two processes on one database, sends each message exactly once', async () => {
    await exactlyOnce([
      () => vn.app.node.services.dispatcher.dispatchDue(),
      () => second.node.services.dispatcher.dispatchDue(),
    ]);
  });
});
