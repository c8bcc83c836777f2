import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { currentKey, operatorPrincipal, systemClock, type Clock } from '@hanoi247/core';
import {
  buildApp,
  loadConfig,
  openNode,
  seedDemoAccounts,
  type App,
  type CallContext,
  type Config,
  type SeededDemoAccount,
} from '@hanoi247/server';
import { webRoot } from '@hanoi247/web';
import { CliError } from '../cli-error.js';
import { publishedDescriptor } from './api-session.js';
import { demoAccountsFor, readDemoAccounts, writeDemoAccounts } from './demo-accounts.js';
import { countryName, type DemoOptions } from './demo-options.js';
import { HistoryClock } from './history/history-clock.js';
import { historyStart, seedHistory, type HistorySummary } from './history/seed-history.js';

export interface DemoNode {
  readonly country: string;
  readonly name: string;
  readonly dataDir: string;
  readonly app: App;
  readonly url: string;
  /** Null when the node had accounts the demo did not create (their secrets are unknown). */
  readonly accounts: readonly SeededDemoAccount[] | null;
  /** True on the run that created the accounts, false when they were reused. */
  readonly seededNow: boolean;
}

// Messages should cross within a blink while someone watches; delivery also starts after each commit.
const demoDispatchIntervalMs = 250;

function operator(): CallContext {
  let name = 'demo';
  try {
    name = userInfo().username;
  } catch {
    // Containers without a passwd entry: the audit log still says the operator ran the demo.
  }
  return { principal: operatorPrincipal(name), requestId: null };
}

const callingCodes: Readonly<Record<string, string>> = { VN: '84', SG: '65', FR: '33' };

/** A directory roster with call-back numbers, so an emergency order in the demo shows whom to call. */
function demoRoster(country: string) {
  const cc = country.toLowerCase();
  const code = callingCodes[country] ?? '1';
  return [
    {
      role: '24/7 duty officer',
      name: `${countryName(country)} 24/7 duty desk`,
      phone: `+${code} 000 000 000`,
      email: `desk@${cc}.demo.invalid`,
    },
    {
      role: 'duty officer',
      name: `${cc}.duty (demo)`,
      phone: `+${code} 000 000 001`,
      email: `duty@${cc}.demo.invalid`,
      username: `${cc}.duty`,
    },
  ];
}

const seedingIntervals = {
  'federation.dispatchIntervalMs': 0,
  'jobs.intervalMs': 0,
  'deadlines.scanIntervalSeconds': 0,
  'ledger.sequenceIntervalMs': 0,
};

/** Viet Nam's desk works in Vietnamese; the partners' desks in English, as their operators would set it. */
const demoLanguage = (country: string): 'vi' | 'en' => (country === 'VN' ? 'vi' : 'en');

/**
 * A node as `serve` would configure it, from the demo's own flags only: the environment is
 * ignored so a developer's DATABASE_URL or HANOI247_PORT cannot turn the demo into something else.
 */
function demoConfig(options: DemoOptions, country: string, index: number, seeding: boolean): Config {
  return loadConfig({
    env: {},
    overrides: {
      dataDir: join(options.dataDir, country.toLowerCase()),
      'node.country': country,
      'node.name': `${countryName(country)} 24/7 (demo)`,
      'node.roster': demoRoster(country),
      'http.host': '127.0.0.1',
      'http.port': options.basePort === 0 ? 0 : options.basePort + index,
      'federation.dispatchIntervalMs': demoDispatchIntervalMs,
      'log.level': options.logLevel,
      'web.root': webRoot,
      'web.defaultLanguage': demoLanguage(country),
      // While the history is seeded it runs the deliveries, jobs, clocks and ledger itself.
      ...(seeding ? seedingIntervals : {}),
    },
  });
}

/** First run: demo accounts with enrolled TOTP. Later runs: the same accounts, read back. */
async function prepareAccounts(
  config: Config,
  clock: Clock,
): Promise<{ accounts: SeededDemoAccount[] | null; seededNow: boolean }> {
  // Seeding before buildApp means a demo node never issues a bootstrap token it does not need.
  const node = await openNode(config, { clock });
  try {
    const seeded = await seedDemoAccounts(node, operator(), demoAccountsFor(config.node.country));
    if (seeded !== null) {
      writeDemoAccounts(config.dataDir, seeded);
      return { accounts: seeded, seededNow: true };
    }
    return { accounts: readDemoAccounts(config.dataDir), seededNow: false };
  } finally {
    await node.close();
  }
}

async function startNode(
  options: DemoOptions,
  country: string,
  index: number,
  version: string,
  history: HistoryClock | null,
): Promise<Omit<DemoNode, 'url'>> {
  const config = demoConfig(options, country, index, history !== null);
  const clock = history ?? systemClock;
  const { accounts, seededNow } = await prepareAccounts(config, clock);
  const app = await buildApp(config, { version, clock });
  return { country, name: config.node.name, dataDir: config.dataDir, app, accounts, seededNow };
}

async function listen(node: Omit<DemoNode, 'url'>, port: number): Promise<DemoNode> {
  try {
    const url = await node.app.listen({ host: '127.0.0.1', port });
    return { ...node, url };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `port ${port} is already in use (another hanoi247?); stop it or choose another --base-port`,
        1,
      );
    }
    throw error;
  }
}

/** Every node pins every other by the fingerprint its published descriptor names, as operators do. */
async function pinAll(nodes: readonly DemoNode[]): Promise<void> {
  const published = await Promise.all(
    nodes.map(async (node) => ({ node, signed: await publishedDescriptor(node.url) })),
  );
  const context = operator();
  for (const node of nodes) {
    for (const { node: other, signed } of published) {
      if (other === node) continue;
      // Upsert: on later runs this refreshes the address and keys, and leaves one audit entry per start.
      await node.app.node.services.peers.pin(context, signed, currentKey(signed.descriptor).signing.fingerprint);
    }
  }
}

export async function closeDemoNetwork(apps: readonly App[]): Promise<void> {
  await Promise.allSettled(apps.map((app) => app.close()));
}

export interface DemoNetwork {
  readonly nodes: DemoNode[];
  /** What the history seeded on this run; null when the network was not new or --no-history. */
  readonly history: HistorySummary | null;
}

/** Starts, listens and federates; on any failure closes what already started. */
async function startNetwork(options: DemoOptions, version: string, history: HistoryClock | null): Promise<DemoNode[]> {
  const started = await Promise.allSettled(
    options.countries.map((country, index) => startNode(options, country, index, version, history)),
  );
  const apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.app] : []));
  try {
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const prepared = started.map((s) => (s as PromiseFulfilledResult<Omit<DemoNode, 'url'>>).value);
    const nodes: DemoNode[] = [];
    for (const [index, node] of prepared.entries()) {
      nodes.push(await listen(node, options.basePort === 0 ? 0 : options.basePort + index));
    }
    await pinAll(nodes);
    return nodes;
  } catch (error) {
    await closeDemoNetwork(apps);
    throw error;
  }
}

/**
 * A new network first runs on the history clock, weeks in the past, with its background jobs
 * off: the history drives delivery, jobs and clocks itself, step by step. Then it stops.
 */
async function seedNetwork(options: DemoOptions, version: string): Promise<HistorySummary | null> {
  const clock = new HistoryClock(historyStart());
  try {
    const nodes = await startNetwork(options, version, clock);
    try {
      return await seedHistory(
        nodes.map((n) => ({ country: n.country, node: n.app.node })),
        clock,
        options.seed,
      );
    } finally {
      await closeDemoNetwork(nodes.map((n) => n.app));
    }
  } finally {
    clock.release();
  }
}

/**
 * The demo network. When none of its data directories exists yet, its history is seeded first
 * (unless --no-history); every later run finds the requests and leaves them alone.
 */
export async function startDemoNetwork(options: DemoOptions, version: string): Promise<DemoNetwork> {
  const fresh = options.history && options.countries.every((c) => !existsSync(join(options.dataDir, c.toLowerCase())));
  const history = fresh ? await seedNetwork(options, version) : null;
  const nodes = await startNetwork(options, version, null);
  // The accounts were created by the seeding run, a moment ago: this is still their first run.
  return { nodes: fresh ? nodes.map((n) => ({ ...n, seededNow: n.accounts !== null })) : nodes, history };
}
