import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hour,
  interceptionDetails,
  longSessions,
  mlaDetails,
  preservationDetails,
  requestApi,
} from './requests.fixtures.js';

interface Durations {
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}
interface Group {
  readonly key: string;
  readonly requests: number;
  readonly acknowledge: Durations;
  readonly preserve: Durations;
  readonly respond: Durations;
}
interface Statistics {
  readonly weeks: readonly { readonly week: string; readonly outgoing: number; readonly incoming: number }[];
  readonly byPartner: readonly Group[];
  readonly byType: readonly Group[];
  readonly deadlinesAtRisk: readonly {
    readonly reference: string;
    readonly ruleId: string;
    readonly dueAt: string;
    readonly overdue: boolean;
  }[];
}

/** The dashboard's figures: counted from the timeline, and only over the requests the reader may see. */
describe('request statistics', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let supervisor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;

  const statistics = async (as: SignedInUser): Promise<Statistics> => {
    const reply = await node.call('GET', '/api/v1/statistics/requests', { as });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<Statistics>();
  };

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    const admin = await node.administrator();
    duty = await node.user(admin, 'stats.duty', ['duty_officer']);
    central = await node.user(admin, 'stats.central', ['central_authority_officer']);
    supervisor = await node.user(admin, 'stats.supervisor', ['supervisor']);
    api = requestApi<SignedInUser>(node);

    const receive = (as: SignedInUser, reference: string, type: string, details: Record<string, unknown>) =>
      api.receive(as, {
        reference,
        requestingState: reference.slice(0, 2),
        type,
        legalBasis: 'UN',
        language: 'en',
        details,
      });
    const fr = await receive(duty, 'FR-2026-10', 'PRESERVATION_42', preservationDetails());
    const de = await receive(duty, 'DE-2026-10', 'MLA_40', mlaDetails());
    const intercept = await receive(central, 'FR-2026-46', 'INTERCEPTION_46', interceptionDetails());
    node.clock.advance(3 * hour);
    await api.move(duty, fr.id, 'acknowledge');
    await api.move(central, intercept.id, 'acknowledge');
    node.clock.advance(2 * hour);
    await api.move(duty, de.id, 'acknowledge');
    node.clock.advance(5 * hour);
    await api.move(duty, fr.id, 'triage');
    await api.move(supervisor, fr.id, 'accept');
    await receive(duty, 'DE-2026-11', 'MLA_40', mlaDetails());
    await receive(central, 'FR-2026-47', 'INTERCEPTION_46', interceptionDetails());
  });
  afterAll(async () => node.stop());

  it('counts the requests of the current ISO week by direction, over twelve weeks', async () => {
    const stats = await statistics(duty);
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.at(-1)).toMatchObject({ incoming: 3, outgoing: 0 });
    expect(stats.weeks.slice(0, -1).every((w) => w.incoming === 0 && w.outgoing === 0)).toBe(true);
    expect(stats.weeks.at(-1)?.week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it('gives the hours to acknowledge and to decide per partner and per type', async () => {
    const stats = await statistics(duty);
    expect(stats.byPartner).toEqual([
      {
        key: 'DE',
        requests: 2,
        acknowledge: { count: 1, medianHours: 5, p90Hours: 5 },
        preserve: { count: 0, medianHours: null, p90Hours: null },
        respond: { count: 0, medianHours: null, p90Hours: null },
      },
      {
        key: 'FR',
        requests: 1,
        acknowledge: { count: 1, medianHours: 3, p90Hours: 3 },
        preserve: { count: 0, medianHours: null, p90Hours: null },
        respond: { count: 1, medianHours: 10, p90Hours: 10 },
      },
    ]);
    expect(stats.byType.map((g) => [g.key, g.requests, g.acknowledge.medianHours])).toEqual([
      ['MLA_40', 2, 5],
      ['PRESERVATION_42', 1, 3],
    ]);
  });

  it('lists the clocks due within 48 hours, nearest first', async () => {
    const stats = await statistics(duty);
    expect(stats.deadlinesAtRisk.map((d) => [d.reference, d.ruleId, d.overdue])).toEqual([
      ['DE-2026-11', 'acknowledge-standard', false],
    ]);
    node.clock.advance(30 * hour);
    expect((await statistics(duty)).deadlinesAtRisk.map((d) => [d.reference, d.overdue])).toContainEqual([
      'DE-2026-11',
      true,
    ]);
  });

  it('hides interception requests from a duty officer but counts them for the central authority', async () => {
    const hidden = await statistics(duty);
    expect(JSON.stringify(hidden)).not.toContain('INTERCEPTION_46');
    expect(JSON.stringify(hidden)).not.toContain('FR-2026-4');
    const shown = await statistics(central);
    // The clock has moved on by now: the week may have turned.
    expect(shown.weeks.reduce((sum, w) => sum + w.incoming, 0)).toBe(5);
    expect(hidden.weeks.reduce((sum, w) => sum + w.incoming, 0)).toBe(3);
    expect(shown.byType.find((g) => g.key === 'INTERCEPTION_46')).toMatchObject({
      requests: 2,
      acknowledge: { count: 1, medianHours: 3 },
    });
    expect(shown.byPartner.find((g) => g.key === 'FR')?.requests).toBe(3);
    expect(shown.deadlinesAtRisk.map((d) => d.reference)).toContain('FR-2026-47');
  });

  it('answers only to those who may read requests', async () => {
    expect((await node.call('GET', '/api/v1/statistics/requests')).statusCode).toBe(401);
  });
});
