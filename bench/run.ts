import { authenticatedGetBenchmark } from './authenticated-get.bench.js';
import { benchReport, formatReportLine, type Benchmark } from './report.js';
import { storageWorkloadBenchmark } from './storage-workload.bench.js';
import { requestCreateBenchmark } from './request-create.bench.js';
import { federationBenchmark } from './federation.bench.js';
import { ledgerAppendBenchmark } from './ledger-append.bench.js';
import { proofVerifyBenchmark } from './proof-verify.bench.js';
import { ingestBenchmark } from './ingest.bench.js';
import { evidenceUploadBenchmark } from './evidence-upload.bench.js';
import { webAnswerLatencyBenchmark } from './web-answer-latency.bench.js';
import { webInitialJsBenchmark } from './web-initial-js.bench.js';
import { preservationJourneyBenchmark } from './preservation-journey.bench.js';

/** Registration order is run order when no name is given. */
const benchmarks: readonly Benchmark[] = [
  authenticatedGetBenchmark,
  storageWorkloadBenchmark,
  requestCreateBenchmark,
  federationBenchmark,
  ingestBenchmark,
  evidenceUploadBenchmark,
  ledgerAppendBenchmark,
  proofVerifyBenchmark,
  webInitialJsBenchmark,
  webAnswerLatencyBenchmark,
  preservationJourneyBenchmark,
];

function printList(): void {
  console.log('available benchmarks:');
  for (const bench of benchmarks) console.log(`  ${bench.name.padEnd(32)} ${bench.description}`);
}

/** No names: run everything. Any unknown name aborts before anything runs, so a typo cannot pass as a clean run. */
function select(names: readonly string[]): Benchmark[] | null {
  if (names.length === 0) return [...benchmarks];
  const chosen: Benchmark[] = [];
  for (const wanted of names) {
    const bench = benchmarks.find((b) => b.name === wanted);
    if (bench === undefined) {
      console.error(`unknown benchmark "${wanted}"`);
      return null;
    }
    chosen.push(bench);
  }
  return chosen;
}

/** Returns false on failure; a failing benchmark does not stop the next one. */
async function runOne(bench: Benchmark): Promise<boolean> {
  console.log(`[${bench.name}] start: ${bench.description}`);
  try {
    const result = await bench.run();
    // The JSON line is printed here and nowhere else, so it is always the benchmark's last line.
    if (result !== null) console.log(formatReportLine(benchReport(bench.name, result)));
    return true;
  } catch (error) {
    console.error(`[${bench.name}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return false;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const names = argv.filter((arg) => arg !== '--');
  if (names.includes('--list') || names.includes('--help')) {
    printList();
    return 0;
  }
  const chosen = select(names);
  if (chosen === null) {
    printList();
    return 2;
  }
  let failed = 0;
  for (const bench of chosen) {
    if (!(await runOne(bench))) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
