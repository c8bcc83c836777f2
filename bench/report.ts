/**
 * What every benchmark hands back. `baseline` is always measured in the same run on the
 * same machine, so the ratio stays comparable across machines while absolute figures do not.
 */
export interface BenchResult {
  readonly value: number;
  readonly baseline: number;
  readonly unit: string;
}

export interface BenchReport extends BenchResult {
  readonly bench: string;
  readonly ratio: number;
}

/** Two decimals for rates; the ratio gets four so small regressions stay visible. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function benchReport(bench: string, result: BenchResult): BenchReport {
  if (!Number.isFinite(result.value) || !Number.isFinite(result.baseline) || result.baseline <= 0) {
    throw new Error(
      `${bench}: value ${result.value} and baseline ${result.baseline} must be finite, baseline positive`,
    );
  }
  const value = round(result.value, 2);
  const baseline = round(result.baseline, 2);
  // The ratio is computed from the printed figures, so a reader can check it by hand.
  return { bench, value, baseline, ratio: round(value / baseline, 4), unit: result.unit };
}

/** One line, fixed key order: tools read the last line of a benchmark's output. */
export function formatReportLine(report: BenchReport): string {
  return JSON.stringify({
    bench: report.bench,
    value: report.value,
    baseline: report.baseline,
    ratio: report.ratio,
    unit: report.unit,
  });
}

/** Progress lines are prefixed so they can never be mistaken for the JSON result line. */
export function progress(bench: string, message: string): void {
  console.log(`[${bench}] ${message}`);
}

/** Reads a positive number from the environment, so CI can shorten or lengthen runs. */
export function positiveNumberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = Number(raw);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return parsed;
}

/** A registered benchmark. `run` resolves to null when it had to skip (and said why). */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<BenchResult | null>;
}
