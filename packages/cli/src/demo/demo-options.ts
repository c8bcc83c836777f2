import { countryProfiles, isCountryCode } from '@hanoi247/core';
import { CliError } from '../cli-error.js';

/** The seed `npm start` uses: every newcomer sees the same history. */
export const defaultHistorySeed = 247;

export const defaultDemoCountries = ['VN', 'SG', 'FR'] as const;
export const defaultDemoDataDir = './data/demo';
export const defaultDemoBasePort = 8247;
export const demoScenarios = ['preservation'] as const;
export type DemoScenario = (typeof demoScenarios)[number];
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof logLevels)[number];

/** The flags as commander hands them over: text, not yet checked. */
export interface RawDemoOptions {
  readonly countries?: string;
  readonly data?: string;
  readonly basePort?: string;
  readonly scenario?: string;
  readonly exit?: boolean;
  readonly logLevel?: string;
  /** False with --no-history. */
  readonly history?: boolean;
  readonly seed?: string;
}

export interface DemoOptions {
  readonly countries: readonly string[];
  readonly dataDir: string;
  /** 0: every node takes any free port (tests run side by side). */
  readonly basePort: number;
  readonly scenario: DemoScenario | null;
  readonly exit: boolean;
  readonly logLevel: LogLevel;
  /** Seed a fresh network with weeks of demo casework (false: empty inboxes, as tests want). */
  readonly history: boolean;
  /** Chooses the history's contents: the same seed, the same requests. */
  readonly seed: number;
}

// Each node is a whole server with its own database: a handful is a network, dozens is a benchmark.
const maxCountries = 8;

function parseCountries(text: string): string[] {
  const countries = text.split(',').map((c) => c.trim().toUpperCase());
  const invalid = countries.filter((c) => !isCountryCode(c));
  if (invalid.length > 0) {
    const shown = invalid.map((c) => (c === '' ? '(empty)' : c)).join(', ');
    throw new CliError(
      `--countries: ${shown} ${invalid.length === 1 ? 'is not an' : 'are not'} ` +
        `ISO 3166-1 alpha-2 country code${invalid.length === 1 ? '' : 's'} (such as VN, SG, FR)`,
    );
  }
  const repeated = countries.filter((c, i) => countries.indexOf(c) !== i);
  if (repeated.length > 0) {
    throw new CliError(`--countries: ${[...new Set(repeated)].join(', ')} is listed twice; each country runs one node`);
  }
  if (countries.length < 2 || countries.length > maxCountries) {
    throw new CliError(`--countries: give 2 to ${maxCountries} countries, such as VN,SG,FR`);
  }
  return countries;
}

function parseBasePort(text: string, nodes: number): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535 || (port !== 0 && port + nodes - 1 > 65535)) {
    throw new CliError(
      `--base-port: ${text} is not a TCP port with room for ${nodes} consecutive ports (0: any free ports)`,
    );
  }
  return port;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return defaultHistorySeed;
  if (!/^\d{1,9}$/.test(text.trim())) throw new CliError(`--seed: ${text} is not a whole number below 1000000000`);
  return Number(text);
}

export function parseDemoOptions(raw: RawDemoOptions): DemoOptions {
  const countries = raw.countries === undefined ? [...defaultDemoCountries] : parseCountries(raw.countries);
  const scenario = raw.scenario ?? null;
  if (scenario !== null && !(demoScenarios as readonly string[]).includes(scenario)) {
    throw new CliError(`--scenario: unknown scenario ${scenario}; choose from ${demoScenarios.join(', ')}`);
  }
  const logLevel = raw.logLevel ?? 'error';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new CliError(`--log-level: choose from ${logLevels.join(', ')}`);
  }
  const dataDir = raw.data ?? defaultDemoDataDir;
  if (dataDir.trim() === '') throw new CliError('--data: give a directory');
  return {
    countries,
    dataDir,
    basePort: raw.basePort === undefined ? defaultDemoBasePort : parseBasePort(raw.basePort, countries.length),
    scenario: scenario as DemoScenario | null,
    exit: raw.exit === true,
    logLevel: logLevel as LogLevel,
    history: raw.history !== false,
    seed: parseSeed(raw.seed),
  };
}

/** The English name of a State the directory knows, else its code (any assigned code may run a node). */
export function countryName(country: string): string {
  return countryProfiles[country]?.name.en ?? country;
}
