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

/** Steps a newcomer can copy: sign in, then move a request across two nodes with the CLI. */
export function describeFirstSteps(nodes: readonly DemoNode[], requestFile: string): string {
  const [home, partner] = nodes;
  if (home === undefined || partner === undefined) return '';
  const duty = account(home, 'duty');
  const chief = account(home, 'supervisor');
  const theirDuty = account(partner, 'duty');
  if (duty === undefined || chief === undefined || theirDuty === undefined) return '';
  const [here, there] = [countryName(home.country), countryName(partner.country)];
  const localhostUrl = partner.url.replace('://127.0.0.1:', '://localhost:');
  return [
    '',
    'What to try first',
    `  1. Sign in at ${here}: open ${home.url}/ as ${duty.username} with password ${duty.password} and the code from`,
    `       npx hanoi247 totp ${duty.totpSecret}`,
    '     (a code works once: if it is refused, wait for the next one)',
    `  2. Draft an expedited preservation request (UN art. 42) to ${there} as ` +
      `${duty.username}, with its API token, and submit it:`,
    `       export HANOI247_URL=${home.url} HANOI247_TOKEN=${duty.apiToken}`,
    `       npx hanoi247 requests create --from ${shownPath(requestFile)}`,
    '       npx hanoi247 requests transition <id> submit',
    `  3. Four eyes: ${chief.username} approves, then ${duty.username} sends it:`,
    `       HANOI247_TOKEN=${chief.apiToken} npx hanoi247 requests transition <id> approve`,
    '       npx hanoi247 requests transition <id> send',
    `  4. Watch it arrive at ${there} and acknowledge it as ${theirDuty.username}; ` +
      `${here} sees ACKNOWLEDGED within a second:`,
    `       export HANOI247_URL=${partner.url} HANOI247_TOKEN=${theirDuty.apiToken}`,
    '       npx hanoi247 requests list --direction incoming --json',
    '       npx hanoi247 requests transition <id there> acknowledge',
    '  5. Or let the demo play the whole story (sign-ins, four eyes, delivery, "preserved until"):',
    '       stop this network with Ctrl-C, then: npm start -- --scenario preservation',
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
