import { waitFor } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails } from '../packages/server/src/http/requests.fixtures.js';
import { Federation, type QueueItem } from './federated-nodes.js';
import { ProviderDesk } from './provider-desk.js';

interface PendingMessage {
  readonly requestId: string | null;
  readonly to: string;
  readonly attempts: number;
}

/**
 * Three real `hanoi247 serve` processes on loopback, pinned to each other with the CLI, exchanging
 * Art. 42 preservation requests; then crashes (kill -9) and an outage, with outcomes asserted,
 * never timings: every wait polls until a deadline.
 */
describe('federation between three node processes', () => {
  let fed: Federation;
  const exactlyOne = async (country: 'SG' | 'FR', reference: string) =>
    (await fed.incoming(country)).filter((r) => r.reference === reference);

  beforeAll(async () => {
    fed = await Federation.start();
  }, 60_000);
  afterAll(async () => {
    await (fed as Federation | undefined)?.close();
  });

  it('pins partners by fingerprint with the CLI: each node lists the other with its key', async () => {
    const peers = await fed.vn.expect<{ peers: { country: string; baseUrl: string; pinnedFingerprint: string }[] }>(
      200,
      'GET',
      '/api/v1/peers',
      { as: fed.users.VN.duty },
    );
    expect(peers.peers.map((p) => p.country).sort()).toEqual(['FR', 'SG']);
    // What Singapore's operator reads from `hanoi247 keys show` is what Viet Nam pinned.
    expect(peers.peers.find((p) => p.country === 'SG')).toMatchObject({
      baseUrl: fed.sg.url,
      pinnedFingerprint: await fed.sg.fingerprint(),
    });
    const atSg = await fed.sg.expect<{ peers: { country: string; pinnedFingerprint: string }[] }>(
      200,
      'GET',
      '/api/v1/peers',
      { as: fed.users.SG.duty },
    );
    expect(atSg.peers).toEqual([
      expect.objectContaining({ country: 'VN', pinnedFingerprint: await fed.vn.fingerprint() }),
    ]);
  });

  it(
    'Viet Nam asks Singapore to preserve data; Singapore preserves it for 90 ' + 'days; Viet Nam shows PRESERVED',
    async () => {
      const sent = await fed.sendPreservation('SG', preservationDetails());
      expect(sent.state).toBe('SENT');
      const arrived = await fed.arrived('SG', sent.reference);
      expect(arrived.state).toBe('RECEIVED');
      expect((await fed.view('SG', arrived.id)).deadlines).toContainEqual(
        expect.objectContaining({ ruleId: 'acknowledge-urgent', status: 'open' }),
      );

      await fed.act('SG', 'duty', arrived.id, 'acknowledge');
      await waitFor('ACKNOWLEDGED at VN', async () =>
        (await fed.view('VN', sent.id)).state === 'ACKNOWLEDGED' ? true : undefined,
      );
      await fed.act('SG', 'duty', arrived.id, 'triage');
      await fed.act('SG', 'chief', arrived.id, 'accept');
      // "Preserved" is Singapore's provider's answer to its domestic order, never an officer's word.
      const desk = await ProviderDesk.open(fed);
      const until = await desk.preserve(await desk.servedOrderFor(arrived.id));
      expect((await fed.view('SG', arrived.id)).state).toBe('PRESERVED');

      const atVn = await waitFor('PRESERVED at VN', async () => {
        const view = await fed.view('VN', sent.id);
        return view.state === 'PRESERVED' ? view : undefined;
      });
      expect(atVn.deadlines).toContainEqual(
        expect.objectContaining({ ruleId: 'preservation-period', status: 'open', dueAt: until }),
      );
      const trail = await fed.timeline('VN', sent.id);
      expect(trail.filter((e) => e.kind === 'transition').map((e) => e.action)).toEqual([
        'submit',
        'approve',
        'send',
        'acknowledge',
        'triage',
        'accept',
        'issue-domestic-order',
        'confirm-preserved',
      ]);
      expect(trail.filter((e) => e.action === 'message-delivered').map((e) => e.payload['to'])).toEqual(['SG']);
      // Singapore holds Viet Nam's receipts for its five answers as well.
      const sgTrail = await waitFor('five receipts at SG', async () => {
        const events = await fed.timeline('SG', arrived.id);
        return events.filter((e) => e.action === 'message-delivered').length === 5 ? events : undefined;
      });
      expect(sgTrail.filter((e) => e.action === 'message-delivered').map((e) => e.payload['to'])).toEqual([
        'VN',
        'VN',
        'VN',
        'VN',
        'VN',
      ]);
    },
  );

  it('a sender killed -9 between commit and delivery delivers its message once after restarting', async () => {
    await fed.sg.stop();
    const sent = await fed.sendPreservation('SG', preservationDetails());
    // Committed with its envelope in the outbox, not delivered: Singapore is down.
    const pending = await fed.vn.expect<{ pending: PendingMessage[] }>(200, 'GET', '/api/v1/federation/status', {
      as: fed.users.VN.duty,
    });
    expect(pending.pending).toContainEqual(expect.objectContaining({ requestId: sent.id, to: 'SG' }));
    await fed.vn.kill();

    await fed.vn.restart();
    await fed.sg.restart();
    const arrived = await fed.arrived('SG', sent.reference);
    expect(arrived.state).toBe('RECEIVED');
    const trail = await fed.delivered(sent.id);
    expect(trail.filter((e) => e.action === 'message-delivered')).toHaveLength(1);
    expect(await exactlyOne('SG', sent.reference)).toHaveLength(1);
  });

  it(
    'a receiver killed -9 as soon as the request is visible answers the retry ' +
      'with its original receipt: still one request',
    async () => {
      const sent = await fed.sendPreservation('SG', preservationDetails());
      await waitFor(
        'the request at SG',
        async () => ((await exactlyOne('SG', sent.reference)).length > 0 ? true : undefined),
        20_000,
        5,
      );
      await fed.sg.kill();
      await fed.sg.restart();

      const trail = await fed.delivered(sent.id);
      const receipts = trail.filter((e) => e.action === 'message-delivered');
      expect(receipts).toHaveLength(1);
      expect(await exactlyOne('SG', sent.reference)).toHaveLength(1);
      // The receipt Viet Nam holds is the one Singapore committed with the request, whichever answer carried it.
      const arrived = await fed.arrived('SG', sent.reference);
      const received = (await fed.timeline('SG', arrived.id)).find((e) => e.kind === 'created');
      expect(received?.payload['messageId']).toBe(receipts[0]?.payload['messageId']);
    },
  );

  it('a partner down for a while gets its queue when it comes back, the emergency first', async () => {
    await fed.fr.stop();
    const normal = await fed.sendPreservation('FR', preservationDetails(), 'normal');
    const emergency = await fed.sendPreservation('FR', preservationDetails(), 'emergency');
    // Down long enough for Viet Nam to have tried and backed off more than once for each message.
    await waitFor('two failed attempts per message', async () => {
      const status = await fed.vn.expect<{ pending: PendingMessage[] }>(200, 'GET', '/api/v1/federation/status', {
        as: fed.users.VN.duty,
      });
      const toFr = status.pending.filter((m) => m.requestId === normal.id || m.requestId === emergency.id);
      return toFr.length === 2 && toFr.every((m) => m.attempts >= 2) ? true : undefined;
    });

    await fed.fr.restart();
    const both = await waitFor('both requests at FR', async () => {
      const at = (await fed.incoming('FR')).filter(
        (r) => r.reference === normal.reference || r.reference === emergency.reference,
      );
      return at.length === 2 ? at : undefined;
    });
    // Record ids are time-ordered (UUIDv7): sorting them gives the order France received them in.
    const received = [...both].sort((a: QueueItem, b: QueueItem) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt),
    );
    expect(received.map((r) => r.reference)).toEqual([emergency.reference, normal.reference]);
    expect(received.map((r) => r.priority)).toEqual(['emergency', 'normal']);
    await fed.delivered(normal.id);
    await fed.delivered(emergency.id);
  });
});
