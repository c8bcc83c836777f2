import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { SeededDemoAccount } from '@hanoi247/server';
import { demoAccountsPath, demoUsername } from './demo-accounts.js';
import type { DemoNode } from './demo-network.js';
import { countryName } from './demo-options.js';
import { historyDays } from './history/history-plan.js';
import type { HistorySummary } from './history/seed-history.js';

/** Paths as the newcomer typed them: relative to where they stand when that is shorter. */
export function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), resolve(path));
  return fromHere !== '' && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : resolve(path);
}

const account = (node: DemoNode, suffix: string): SeededDemoAccount | undefined =>
  node.accounts?.find((a) => a.username === demoUsername(node.country, suffix));

export function describeNodes(nodes: readonly DemoNode[], version: string): string {
  const width = Math.max(...nodes.map((n) => n.name.length));
  const lines = [
    `hanoi247 ${version} demo network: ${nodes.length} nodes in this process, ` +
      `each pinned to every other by key fingerprint`,
    '',
    ...nodes.map(
      (n) =>
        `  ${n.country}  ${n.name.padEnd(width)}  ${n.url}/   API docs ${n.url}/api/v1/docs ` +
        `  data ${shownPath(n.dataDir)}`,
    ),
  ];
  return lines.join('\n');
}

export function describeAccounts(nodes: readonly DemoNode[]): string {
  const first = nodes.some((n) => n.seededNow);
  const where = nodes[0] === undefined ? '' : shownPath(demoAccountsPath(join(dirname(nodes[0].dataDir), '<cc>')));
  const lines = [
    '',
    `Demo accounts (${first ? 'created on this first run' : 'reused from the first run'}; ` +
      `TOTP already enrolled; API tokens too, in ${where})`,
    `  ${'USERNAME'.padEnd(16)} ${'ROLE'.padEnd(26)} ${'PASSWORD'.padEnd(17)} ` +
      `TOTP SECRET (code: npx hanoi247 totp <secret>)`,
  ];
  for (const node of nodes) {
    if (node.accounts === null) {
      lines.push(
        `  ${node.country}: ${shownPath(node.dataDir)} has accounts but no demo-accounts.json, ` +
          `so their credentials are unknown (delete the directory to start afresh)`,
      );
      continue;
    }
    for (const a of node.accounts) {
      lines.push(`  ${a.username.padEnd(16)} ${a.role.padEnd(26)} ${a.password.padEnd(17)} ${a.totpSecret}`);
    }
  }
  return lines.join('\n');
}

/**
 * Steps a newcomer can follow: the preservation story in the web app, page by page, with who acts at each step; the
 * console's way is one line at the end.
 */
export function describeFirstSteps(nodes: readonly DemoNode[], requestFile: string): string {
  const [home, partner] = nodes;
  if (home === undefined || partner === undefined) return '';
  const [duty, chief] = [account(home, 'duty'), account(home, 'supervisor')];
  const [theirDuty, theirChief, theirProvider] = [
    account(partner, 'duty'),
    account(partner, 'supervisor'),
    account(partner, 'provider'),
  ];
  if ([duty, chief, theirDuty, theirChief, theirProvider].includes(undefined)) return '';
  const name = (a: SeededDemoAccount | undefined) => a?.username ?? '';
  const [here, there] = [countryName(home.country), countryName(partner.country)];
  const localhostUrl = partner.url.replace('://127.0.0.1:', '://localhost:');
  return [
    '',
    'What to try first (all in the web app; the box "Next step" on each request says who acts now)',
    `  1. Open ${home.url}/ and sign in as ${name(duty)} with password ${duty?.password ?? ''} and the code from`,
    `       npx hanoi247 totp ${duty?.totpSecret ?? ''}`,
    '     (a code works once: if it is refused, wait for the next one)',
    `  2. "New request": an expedited preservation (UN art. 42) to ${there}; submit it. ${name(chief)} approves it`,
    `     (four eyes, in a private window) and ${name(duty)} sends it.`,
    `  3. At ${there} (${localhostUrl}/, ${name(theirDuty)}): acknowledge it and start triage; ${here}'s open page`,
    `     shows the answer without a reload. ${name(theirChief)} accepts it.`,
    `  4. ${name(theirDuty)} issues the domestic order from the request page (provider: Lotus Chat (demo), for`,
    `     which ${name(theirProvider)} acts; with --no-history an administrator adds one under "Providers" first),`,
    `     ${name(theirChief)} authorises it and ${name(theirDuty)} serves it.`,
    `  5. ${name(theirProvider)} opens the order in the provider portal, acknowledges it and confirms it preserved;`,
    `     ${here}'s request page then shows "preserved until".`,
    `  From the console instead: HANOI247_URL=${home.url} HANOI247_TOKEN=${duty?.apiToken ?? ''} ` +
      `npx hanoi247 requests create --from ${shownPath(requestFile)}`,
    '  Or let the demo play the whole story: stop this network with Ctrl-C, then npm start -- --scenario preservation',
    '',
    `  Browsers keep one session cookie per host name, whatever the port: open ` +
      `${there} in a private window or as ${localhostUrl}/.`,
    '  The API docs (Swagger UI) list every call; send API tokens as "Authorization: Bearer <token>".',
  ].join('\n');
}

export function describeReady(nodes: readonly DemoNode[]): string {
  const listed = nodes.map((n) => `${n.country} ${n.url}`).join(', ');
  return `demo network ready: ${listed} (Ctrl-C stops all ${nodes.length})`;
}

/** One line: what the first run seeded, and how long it took. */
export function describeHistory(history: HistorySummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const stopped = history.problem === null ? '' : `\n  the history stopped early: ${history.problem}`;
  return (
    `\nDemo data: seeded ${plural(history.requests, 'request')}, ${plural(history.orders, 'domestic order')} and ` +
    `${plural(history.evidence, 'evidence item')} over the past ${historyDays / 7} weeks, marked [DEMO] ` +
    `(in ${history.seconds.toFixed(1)} s; --no-history starts empty)${stopped}`
  );
}
