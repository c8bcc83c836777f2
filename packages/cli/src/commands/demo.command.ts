import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@hanoi247/server';
import { Command } from 'commander';
import { closeDemoNetwork, startDemoNetwork, type DemoNode } from '../demo/demo-network.js';
import { defaultDemoDataDir, defaultHistorySeed, parseDemoOptions, type RawDemoOptions } from '../demo/demo-options.js';
import {
  describeAccounts,
  describeFirstSteps,
  describeHistory,
  describeNodes,
  describeReady,
} from '../demo/demo-report.js';
import { preservationRequest, runPreservationScenario } from '../demo/preservation-scenario.js';

// The whole story takes seconds; a minute leaves room for a slow machine and a TOTP step wait.
const scenarioTimeoutMs = 60_000;

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** Closes every node (in-flight requests, then storage) on SIGINT/SIGTERM; a second signal forces exit. */
function closeOnSignals(apps: readonly App[]): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    process.stdout.write(`\n${signal}: stopping the demo network\n`);
    closeDemoNetwork(apps).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}

/** A ready-to-send draft for the "what to try first" steps, beside the nodes' data. */
function writeRequestFile(dataDir: string, nodes: readonly DemoNode[]): string {
  const [home, partner] = nodes;
  if (home === undefined || partner === undefined) return '';
  const path = join(dataDir, `preservation-${home.country.toLowerCase()}-to-${partner.country.toLowerCase()}.json`);
  writeFileSync(path, `${JSON.stringify(preservationRequest(home.country, partner.country), null, 2)}\n`);
  return path;
}

export function demoCommand(version: string): Command {
  return new Command('demo')
    .description(
      'run a demo network (Viet Nam, Singapore, France) in this process, with ' +
        'demo accounts, and optionally play a story',
    )
    .option('--countries <list>', 'comma-separated ISO 3166-1 alpha-2 codes, 2 to 8 (default VN,SG,FR)')
    .option('-d, --data <dir>', `one subdirectory per country; reused on later runs (default ${defaultDemoDataDir})`)
    .option('--base-port <port>', 'port of the first node, the others follow (default 8247; 0: any free ports)')
    .option('--scenario <name>', 'play a story through the API once the network is up: preservation')
    .option('--exit', 'stop afterwards; with --scenario, exit 0 only if the story completed')
    .option('--no-history', 'leave a new network\u2019s inboxes empty (no weeks of demo casework)')
    .option('--seed <number>', `chooses the demo casework of a new network (default ${defaultHistorySeed})`)
    .option('--log-level <level>', 'level of the nodes\u2019 JSON logs on standard output (default error)')
    .action(async (raw: RawDemoOptions) => {
      const options = parseDemoOptions(raw);
      const { nodes, history } = await startDemoNetwork(options, version);
      const apps = nodes.map((n) => n.app);
      closeOnSignals(apps);
      const requestFile = writeRequestFile(options.dataDir, nodes);
      print(describeNodes(nodes, version));
      if (history !== null) print(describeHistory(history));
      print(describeAccounts(nodes));

      let ok = true;
      if (options.scenario === 'preservation') {
        const [home, partner] = nodes;
        print(
          `\nScenario: expedited preservation (UN art. 42), ${home?.country ?? ''} ` +
            `\u2192 ${partner?.country ?? ''}, through the HTTP API`,
        );
        print(`  ${'elapsed'.padStart(9)}  ${'step'.padStart(10)}`);
        const result = await runPreservationScenario(nodes, print, scenarioTimeoutMs);
        ok = result.ok;
        if (result.ok && result.preservedUntil !== null) {
          print(`preserved until ${result.preservedUntil} (the whole story took ${Math.round(result.totalMs)} ms)`);
        } else if (result.failure !== null) {
          process.stderr.write(
            `hanoi247: the scenario failed at "${result.failure.step}" after ${Math.round(result.totalMs)} ` +
              `ms: ${result.failure.reason}\n`,
          );
        }
      }
      if (options.exit) {
        await closeDemoNetwork(apps);
        process.exitCode = ok ? 0 : 1;
        return;
      }
      print(describeFirstSteps(nodes, requestFile));
      print(`\n${describeReady(nodes)}`);
    });
}
