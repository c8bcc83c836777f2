import { readFileSync } from 'node:fs';
import { DomainError } from '@hanoi247/core';
import type { z } from 'zod';
import { configDefaults, configSchema, storageConfigSchema, type Config, type StorageConfig } from './config.schema.js';

type Tree = { [key: string]: unknown };

/** Environment variables recognised, each naming a dotted config path. */
export const environmentVariables: Readonly<Record<string, string>> = {
  HANOI247_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  HANOI247_COUNTRY: 'node.country',
  HANOI247_NODE_NAME: 'node.name',
  HANOI247_TIME_ZONE: 'node.timeZone',
  HANOI247_HOST: 'http.host',
  HANOI247_PORT: 'http.port',
  HANOI247_PUBLIC_URL: 'http.publicUrl',
  HANOI247_BODY_LIMIT_BYTES: 'http.bodyLimitBytes',
  HANOI247_TRUST_PROXY: 'http.trustProxy',
  HANOI247_MAX_HEADER_BYTES: 'http.maxHeaderBytes',
  HANOI247_SESSION_IDLE_SECONDS: 'session.idleTimeoutSeconds',
  HANOI247_SESSION_ABSOLUTE_SECONDS: 'session.absoluteTimeoutSeconds',
  HANOI247_SECURE_COOKIE: 'session.secureCookie',
  HANOI247_ACK_URGENT_HOURS: 'deadlines.acknowledgeUrgentHours',
  HANOI247_ACK_STANDARD_HOURS: 'deadlines.acknowledgeStandardHours',
  HANOI247_DISPATCH_INTERVAL_MS: 'federation.dispatchIntervalMs',
  HANOI247_MAX_DELIVERY_ATTEMPTS: 'federation.maxAttempts',
  HANOI247_RETRY_BASE_SECONDS: 'federation.retryBaseSeconds',
  HANOI247_RETRY_MAX_SECONDS: 'federation.retryMaxSeconds',
  HANOI247_SEND_LEASE_SECONDS: 'federation.sendLeaseSeconds',
  HANOI247_JOBS_INTERVAL_MS: 'jobs.intervalMs',
  HANOI247_JOB_LEASE_SECONDS: 'jobs.leaseSeconds',
  HANOI247_ENCRYPT_EVIDENCE: 'evidence.encryptAtRest',
  HANOI247_MAX_UPLOAD_BYTES: 'evidence.maxUploadBytes',
  HANOI247_LEDGER_INTERVAL_MS: 'ledger.sequenceIntervalMs',
  HANOI247_LEDGER_BATCH_SIZE: 'ledger.batchSize',
  HANOI247_LOG_LEVEL: 'log.level',
  HANOI247_WEB_ROOT: 'web.root',
  HANOI247_DEFAULT_LANGUAGE: 'web.defaultLanguage',
};

export interface ConfigSources {
  /** Path of a JSON config file, if any. */
  readonly file?: string | undefined;
  /** The process environment, passed in: nothing else reads it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Values from command-line flags, as dotted paths; highest precedence. */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

function setPath(tree: Tree, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let cursor = tree;
  for (const part of parts.slice(0, -1)) {
    const next = cursor[part];
    cursor[part] = typeof next === 'object' && next !== null ? next : {};
    cursor = cursor[part] as Tree;
  }
  cursor[parts.at(-1) as string] = value;
}

function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothObjects = [current, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothObjects ? deepMerge(current as Tree, value as Tree) : value;
  }
  return out;
}

function readConfigFile(path: string): Tree {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DomainError('config/invalid', `cannot read config file ${path}`, { cause });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('top level is not an object');
    }
    return parsed as Tree;
  } catch (cause) {
    throw new DomainError('config/invalid', `config file ${path} is not a JSON object`, { cause });
  }
}

/** Env booleans arrive as text; "false" must not coerce to true. */
function envValue(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null' || raw === '') return null;
  return raw;
}

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}

function mergedSources(sources: ConfigSources): Tree {
  let tree: Tree = structuredClone(configDefaults);
  if (sources.file !== undefined) {
    tree = deepMerge(tree, readConfigFile(sources.file));
  }
  const fromEnv: Tree = {};
  for (const [variable, path] of Object.entries(environmentVariables)) {
    const raw = sources.env?.[variable];
    if (raw !== undefined) setPath(fromEnv, path, envValue(raw));
  }
  tree = deepMerge(tree, fromEnv);
  const fromFlags: Tree = {};
  for (const [path, value] of Object.entries(sources.overrides ?? {})) {
    if (value !== undefined) setPath(fromFlags, path, value);
  }
  return deepMerge(tree, fromFlags);
}

function parseWith<S extends z.ZodType>(schema: S, tree: Tree): z.infer<S> {
  const parsed = schema.safeParse(tree);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new DomainError('config/invalid', `invalid configuration: ${summary}`, {
      issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  return parsed.data;
}

/** Builds the one configuration object: defaults < file < environment < flags. */
export function loadConfig(sources: ConfigSources = {}): Config {
  return parseWith(configSchema, mergedSources(sources));
}

/** For maintenance commands (users, keys, migrate) that touch storage but do not act as the node. */
export function loadStorageConfig(sources: ConfigSources = {}): StorageConfig {
  return parseWith(storageConfigSchema, mergedSources(sources));
}
