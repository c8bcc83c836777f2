import { call, signIn, type ApiSession } from './api-session.js';
import { demoUsername } from './demo-accounts.js';
import type { DemoNode } from './demo-network.js';
import { countryName } from './demo-options.js';
import { preserveThroughProvider } from './provider-steps.js';

export interface ScenarioResult {
  readonly ok: boolean;
  readonly totalMs: number;
  readonly preservedUntil: string | null;
  /** The step that did not complete, and why. */
  readonly failure: { readonly step: string; readonly reason: string } | null;
}

interface RequestView {
  readonly id: string;
  readonly reference: string;
  readonly state: string;
  readonly missing: readonly { readonly path: string; readonly message: string }[];
}

interface QueueItem {
  readonly id: string;
  readonly reference: string;
  readonly state: string;
}

const pollMs = 50;

/** UN art. 42(2): what a real 24/7 desk would send about data held by a platform abroad. */
export function preservationRequest(from: string, to: string): Record<string, unknown> {
  const where = countryName(to);
  return {
    type: 'PRESERVATION_42',
    legalBasis: 'UN',
    requestedState: to,
    language: 'en',
    priority: 'urgent',
    details: {
      seekingAuthority: `${countryName(from)} 24/7 point of contact (demo)`,
      offenceSummary: 'Illegal access (UN art. 7) to a bank\u2019s systems on 30 October 2026',
      dataToPreserve: 'Subscriber and traffic data of the account used to log in to the bank\u2019s systems',
      dataCategories: ['subscriber', 'traffic'],
      custodianOrLocation:
        `Example Platform, a social-media platform established in ${where}; its ` + `data centre in ${where}`,
      necessity: 'The platform deletes its connection logs after 30 days',
      mlaWillFollow: true,
      confidentiality: { requested: true, noUserNotification: true },
      identifiers: [
        { kind: 'account', service: 'Example Platform', handle: 'quick.invest.2026' },
        { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11+07:00' },
      ],
      contact24x7: `${countryName(from)} 24/7 desk (demo), +00 0000 0000`,
    },
  };
}

const pad = (ms: number, width: number): string => Math.round(ms).toString().padStart(width);

/**
 * The core story of the Convention between two real nodes, through their HTTP API as the
 * seeded officers (password + TOTP): the first node asks the second to preserve data
 * (UN art. 42); the second executes it through a domestic order its provider answers, and the
 * first watches the answer come back over the network until "preserved until".
 */
export async function runPreservationScenario(
  nodes: readonly DemoNode[],
  print: (line: string) => void,
  timeoutMs: number,
): Promise<ScenarioResult> {
  const [home, partner] = nodes;
  const started = performance.now();
  const deadline = started + timeoutMs;
  let last = started;
  let current = 'start';
  const step = async <T>(name: string, work: () => Promise<T>, done: (value: T) => string): Promise<T> => {
    current = name;
    const value = await work();
    const now = performance.now();
    print(`  ${pad(now - started, 6)} ms  ${`+${pad(now - last, 0)} ms`.padStart(10)}  ${done(value)}`);
    last = now;
    return value;
  };
  const waitFor = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (performance.now() > deadline) throw new Error(`no result within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };

  const story = async (): Promise<string> => {
    if (home === undefined || partner === undefined) throw new Error('the scenario needs two nodes');
    const [from, to] = [home.country, partner.country];
    const login = async (node: DemoNode, suffix: string): Promise<ApiSession> => {
      const username = demoUsername(node.country, suffix);
      const account = node.accounts?.find((a) => a.username === username);
      if (account === undefined) {
        throw new Error(
          `the password and TOTP secret of ${username} are unknown: ${node.dataDir} ` +
            `has no demo-accounts.json; use a fresh --data`,
        );
      }
      const waiting = (ms: number) =>
        print(
          `  (each TOTP code signs in once and ${username} used this one already: ` +
            `waiting ${Math.ceil(ms / 1000)} s for the next)`,
        );
      return signIn(node.url, username, account.password, account.totpSecret, waiting);
    };
    const [duty, chief, theirDuty, theirChief] = await step(
      'sign in',
      () =>
        Promise.all([
          login(home, 'duty'),
          login(home, 'supervisor'),
          login(partner, 'duty'),
          login(partner, 'supervisor'),
        ]),
      (s) => `signed in ${s.map((x) => x.username).join(', ')} (password + TOTP code)`,
    );
    const act = (who: ApiSession, id: string, action: string, payload: Record<string, unknown> = {}) =>
      call<RequestView>(who, 'POST', `/api/v1/requests/${id}/transitions`, { action, payload });
    const queue = (who: ApiSession, direction: string, state: string) =>
      call<{ requests: QueueItem[] }>(
        who,
        'GET',
        `/api/v1/requests?direction=${direction}&state=${state}&limit=200`,
      ).then((r) => r.requests);

    const draft = await step(
      'draft',
      async () => {
        const created = await call<RequestView>(duty, 'POST', '/api/v1/requests', preservationRequest(from, to));
        if (created.missing.length > 0) {
          throw new Error(`the draft is incomplete: ${created.missing.map((m) => m.path).join(', ')}`);
        }
        return created;
      },
      (r) =>
        `${duty.username} drafted ${r.reference}: expedited preservation (UN art. 42) ${from} \u2192 ${to}, urgent`,
    );
    const move = (who: ApiSession, id: string, action: string, payload: Record<string, unknown> = {}) =>
      step(
        action,
        () => act(who, id, action, payload),
        (r) => `${who.username} ${action} \u2192 ${r.state}`,
      );
    await move(duty, draft.id, 'submit');
    await move(chief, draft.id, 'approve');
    await move(duty, draft.id, 'send');
    const arrived = await step(
      `wait for ${to}`,
      () =>
        waitFor(async () =>
          (await queue(theirDuty, 'incoming', 'RECEIVED')).find((r) => r.reference === draft.reference),
        ),
      (r) => `arrived at ${to}: ${r.reference} is incoming, ${r.state} (signed envelope, receipt returned)`,
    );
    await move(theirDuty, arrived.id, 'acknowledge');
    await step(
      `wait for ${from} to see the acknowledgement`,
      () => waitFor(async () => (await queue(duty, 'outgoing', 'ACKNOWLEDGED')).find((r) => r.id === draft.id)),
      (r) => `${from} shows ${r.reference} ${r.state}`,
    );
    await move(theirDuty, arrived.id, 'triage');
    await move(theirChief, arrived.id, 'accept');
    const [theirAdmin, theirProvider] = await step(
      'sign in the provider',
      () => Promise.all([login(partner, 'admin'), login(partner, 'provider')]),
      (s) => `signed in ${s.map((x) => x.username).join(', ')} (password + TOTP code)`,
    );
    await preserveThroughProvider(
      step,
      { duty: theirDuty, chief: theirChief, admin: theirAdmin, provider: theirProvider },
      arrived.id,
      partner.url,
    );
    await step(
      `wait for ${from} to see PRESERVED`,
      () => waitFor(async () => (await queue(duty, 'outgoing', 'PRESERVED')).find((r) => r.id === draft.id)),
      (r) => `${from} shows ${r.reference} ${r.state}`,
    );
    // What the requesting node recorded from the partner's signed message, not what we sent.
    const events = await call<{ events: { action: string; payload: Record<string, unknown> }[] }>(
      duty,
      'GET',
      `/api/v1/requests/${draft.id}/timeline`,
    );
    const recorded = events.events.filter((e) => e.action === 'confirm-preserved').at(-1)?.payload['preservedUntil'];
    if (typeof recorded !== 'string') throw new Error(`${from} recorded no "preserved until"`);
    return recorded;
  };

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the story did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const running = story();
    // When the timeout wins, the story's own later failure must not surface as an unhandled rejection.
    running.catch(() => undefined);
    const preservedUntil = await Promise.race([running, timeout]);
    return { ok: true, totalMs: performance.now() - started, preservedUntil, failure: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      totalMs: performance.now() - started,
      preservedUntil: null,
      failure: { step: current, reason },
    };
  } finally {
    clearTimeout(timer);
  }
}
