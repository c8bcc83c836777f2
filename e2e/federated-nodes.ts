import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueueItem, RequestView, TimelineEvent } from '@hanoi247/contract/client';
import { freePort, NodeProcess, waitFor, type ProcessSession } from '@hanoi247/testkit';

/** Quick retries for tests: a partner that comes back is reached within about two seconds. */
export const quickRetries: Record<string, string> = {
  HANOI247_DISPATCH_INTERVAL_MS: '200',
  HANOI247_RETRY_BASE_SECONDS: '1',
  HANOI247_RETRY_MAX_SECONDS: '2',
  HANOI247_MAX_DELIVERY_ATTEMPTS: '100',
  // A job a killed process held is taken up again two seconds later.
  HANOI247_JOBS_INTERVAL_MS: '200',
  HANOI247_JOB_LEASE_SECONDS: '2',
  HANOI247_SEND_LEASE_SECONDS: '2',
};

export type { QueueItem, RequestView, TimelineEvent } from '@hanoi247/contract/client';

export interface Officers {
  readonly duty: ProcessSession;
  readonly chief: ProcessSession;
}

/** The password policy refuses one that contains the username. */
const password = (username: string) => `correct horse battery ${username.length} staple`;

/**
 * A duty officer and a supervisor, created with the CLI while the node runs (SQLite in WAL mode), then signed in over
 * HTTP.
 */
async function officers(node: NodeProcess): Promise<Officers> {
  const cc = node.country.toLowerCase();
  await node.addUser(`${cc}.duty`, ['duty_officer'], password(`${cc}.duty`));
  await node.addUser(`${cc}.chief`, ['supervisor'], password(`${cc}.chief`));
  return {
    duty: await node.signInFirstTime(`${cc}.duty`, password(`${cc}.duty`)),
    chief: await node.signInFirstTime(`${cc}.chief`, password(`${cc}.chief`)),
  };
}

/** Viet Nam, Singapore and France as three `hanoi247 serve` processes; VN pinned with SG and with FR. */
export class Federation {
  private constructor(
    readonly root: string,
    readonly vn: NodeProcess,
    readonly sg: NodeProcess,
    readonly fr: NodeProcess,
    readonly users: Record<'VN' | 'SG' | 'FR', Officers>,
  ) {}

  static async start(): Promise<Federation> {
    const root = mkdtempSync(join(tmpdir(), 'h247-federation-'));
    const start = async (country: string, name: string) =>
      NodeProcess.start({
        country,
        name,
        dataDir: join(root, country.toLowerCase()),
        port: await freePort(),
        env: quickRetries,
      });
    const starting = await Promise.allSettled([
      start('VN', 'Viet Nam 24/7'),
      start('SG', 'Singapore 24/7'),
      start('FR', 'France 24/7'),
    ]);
    const started = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      const failed = starting.find((s) => s.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      const [vn, sg, fr] = started as [NodeProcess, NodeProcess, NodeProcess];
      // The fingerprint each operator reads out to the partner (the first test checks it against `keys show`).
      const [vnPrint, sgPrint, frPrint] = await Promise.all([
        vn.publishedFingerprint(),
        sg.publishedFingerprint(),
        fr.publishedFingerprint(),
      ]);
      // All settled before any cleanup: a CLI process still running could write into a removed dir.
      const [pinned, signedIn] = await Promise.all([
        Promise.allSettled([vn.pin(sg, sgPrint), vn.pin(fr, frPrint), sg.pin(vn, vnPrint), fr.pin(vn, vnPrint)]),
        Promise.allSettled([officers(vn), officers(sg), officers(fr)]),
      ]);
      const failure = [...pinned, ...signedIn].find((s) => s.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
      const [vnUsers, sgUsers, frUsers] = signedIn.map((s) => (s as PromiseFulfilledResult<Officers>).value) as [
        Officers,
        Officers,
        Officers,
      ];
      return new Federation(root, vn, sg, fr, { VN: vnUsers, SG: sgUsers, FR: frUsers });
    } catch (error) {
      // Never leave node processes behind a failed set-up.
      await Promise.allSettled(started.map((node) => node.kill()));
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  node(country: 'VN' | 'SG' | 'FR'): NodeProcess {
    return country === 'VN' ? this.vn : country === 'SG' ? this.sg : this.fr;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.vn.kill(), this.sg.kill(), this.fr.kill()]);
    rmSync(this.root, { recursive: true, force: true });
  }

  async act(
    country: 'VN' | 'SG' | 'FR',
    who: keyof Officers,
    id: string,
    action: string,
    payload: Record<string, unknown> = {},
  ): Promise<RequestView> {
    return this.node(country)
      .api(this.users[country][who])
      .call('transitionRequest', { params: { requestId: id }, body: { action, payload } });
  }

  async view(country: 'VN' | 'SG' | 'FR', id: string): Promise<RequestView> {
    return this.node(country)
      .api(this.users[country].duty)
      .call('getRequest', { params: { requestId: id } });
  }

  async timeline(country: 'VN' | 'SG' | 'FR', id: string): Promise<TimelineEvent[]> {
    const api = this.node(country).api(this.users[country].duty);
    return (await api.call('getRequestTimeline', { params: { requestId: id } })).events;
  }

  async incoming(country: 'VN' | 'SG' | 'FR'): Promise<QueueItem[]> {
    const api = this.node(country).api(this.users[country].duty);
    return (await api.call('listRequests', { query: { direction: 'incoming', limit: 200 } })).requests;
  }

  /** Waits until `country` holds the request `reference` as incoming. */
  async arrived(country: 'VN' | 'SG' | 'FR', reference: string, timeoutMs = 20_000): Promise<QueueItem> {
    return waitFor(
      `${reference} at ${country}`,
      async () => (await this.incoming(country)).find((r) => r.reference === reference),
      timeoutMs,
    );
  }

  /** Waits until Viet Nam holds a signed receipt for every message it queued for this request. */
  async delivered(id: string, timeoutMs = 20_000): Promise<TimelineEvent[]> {
    return waitFor(
      `receipts for ${id} at VN`,
      async () => {
        const events = await this.timeline('VN', id);
        const queued = events.filter((e) => e.action === 'message-queued').length;
        const delivered = events.filter((e) => e.action === 'message-delivered').length;
        return queued > 0 && delivered >= queued ? events : undefined;
      },
      timeoutMs,
    );
  }

  /** Draft (duty officer), submit, approve (supervisor, four eyes), send: one outgoing preservation request from VN. */
  async sendPreservation(
    to: 'SG' | 'FR',
    details: Record<string, unknown>,
    priority: 'normal' | 'urgent' | 'emergency' = 'urgent',
  ): Promise<RequestView> {
    const urgentReason =
      priority === 'emergency'
        ? {
            emergencyJustification: 'A ransomware crew threatens to publish patient records of a hospital within hours',
          }
        : {};
    const draft = await this.vn.api(this.users.VN.duty).call('createRequest', {
      body: {
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: to,
        language: 'en',
        priority,
        ...urgentReason,
        details,
      },
    });
    await this.act('VN', 'duty', draft.id, 'submit');
    await this.act('VN', 'chief', draft.id, 'approve');
    return this.act('VN', 'duty', draft.id, 'send');
  }
}
