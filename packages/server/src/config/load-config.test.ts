import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, isDomainError } from '@hanoi247/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configDefaults } from './config.schema.js';
import { loadConfig, loadStorageConfig, type ConfigSources } from './load-config.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hanoi247-config-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(content: unknown, name = 'config.json'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The minimum a node needs besides defaults. */
const identity = { dataDir: '/srv/hanoi247', 'node.country': 'VN', 'node.name': 'Viet Nam 24/7' } as const;

function configError(load: () => unknown): DomainError {
  try {
    load();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig: sources and precedence', () => {
  it('fills everything not given from the defaults', () => {
    const config = loadConfig({ overrides: identity });
    expect(config).toEqual({
      ...configDefaults,
      dataDir: '/srv/hanoi247',
      node: { country: 'VN', name: 'Viet Nam 24/7', roster: [], timeZone: 'UTC' },
    });
  });

  it('layers defaults < file < environment < overrides', () => {
    const file = writeConfig({
      dataDir: '/from/file',
      node: { country: 'SG', name: 'Singapore 24/7' },
      http: { host: 'file.example', port: 1111, bodyLimitBytes: 4096 },
      log: { level: 'warn' },
    });
    const config = loadConfig({
      file,
      env: { HANOI247_HOST: 'env.example', HANOI247_PORT: '2222', HANOI247_COUNTRY: 'FR' },
      overrides: { 'http.host': 'flag.example' },
    });
    expect(config.http.host).toBe('flag.example'); // overrides beat env, file and defaults
    expect(config.http.port).toBe(2222); // env beats file
    expect(config.node.country).toBe('FR'); // env beats file
    expect(config.http.bodyLimitBytes).toBe(4096); // file beats defaults
    expect(config.log.level).toBe('warn');
    expect(config.node.name).toBe('Singapore 24/7');
    expect(config.dataDir).toBe('/from/file');
    expect(config.http.trustProxy).toBe(configDefaults.http.trustProxy); // untouched defaults survive the merge
    expect(config.session).toEqual(configDefaults.session);
  });

  it('merges nested sections field by field instead of replacing them', () => {
    const file = writeConfig({ session: { idleTimeoutSeconds: 60 } });
    const config = loadConfig({ file, overrides: { ...identity, 'session.absoluteTimeoutSeconds': 3600 } });
    expect(config.session).toEqual({ idleTimeoutSeconds: 60, absoluteTimeoutSeconds: 3600, secureCookie: true });
  });

  it('lets an override beat a file value for the same key', () => {
    const file = writeConfig({ dataDir: '/from/file', log: { level: 'debug' } });
    const config = loadConfig({
      file,
      env: { HANOI247_LOG_LEVEL: 'error' },
      overrides: { ...identity, 'log.level': 'silent' },
    });
    expect(config.log.level).toBe('silent');
    expect(config.dataDir).toBe('/srv/hanoi247');
  });

  it('ignores overrides that are undefined', () => {
    const config = loadConfig({
      env: { HANOI247_HOST: 'env.example' },
      overrides: { ...identity, 'http.host': undefined },
    });
    expect(config.http.host).toBe('env.example');
  });

  it('ignores environment variables it does not know', () => {
    const sources: ConfigSources = {
      env: { HANOI247_BOGUS: 'x', PATH: '/usr/bin', HOST: 'elsewhere' },
      overrides: identity,
    };
    expect(loadConfig(sources)).toEqual(loadConfig({ overrides: identity }));
  });

  it('coerces numbers from environment text', () => {
    const config = loadConfig({
      env: { HANOI247_PORT: '8080', HANOI247_SESSION_IDLE_SECONDS: '90' },
      overrides: identity,
    });
    expect(config.http.port).toBe(8080);
    expect(config.session.idleTimeoutSeconds).toBe(90);
  });

  it('reads "null" and the empty string in the environment as null', () => {
    const config = loadConfig({
      file: writeConfig({ databaseUrl: 'postgres://db/hanoi', http: { publicUrl: 'https://node.example' } }),
      env: { DATABASE_URL: '', HANOI247_PUBLIC_URL: 'null' },
      overrides: identity,
    });
    expect(config.databaseUrl).toBeNull();
    expect(config.http.publicUrl).toBeNull();
  });
});

describe('loadConfig: booleans from the environment', () => {
  it('reads "false" as false, even over a true file value', () => {
    const file = writeConfig({ http: { trustProxy: true } });
    const config = loadConfig({
      file,
      env: { HANOI247_TRUST_PROXY: 'false', HANOI247_SECURE_COOKIE: 'false' },
      overrides: identity,
    });
    expect(config.http.trustProxy).toBe(false);
    expect(config.session.secureCookie).toBe(false);
  });

  it('reads "true" as true', () => {
    const config = loadConfig({
      env: { HANOI247_TRUST_PROXY: 'true', HANOI247_SECURE_COOKIE: 'true' },
      overrides: identity,
    });
    expect(config.http.trustProxy).toBe(true);
    expect(config.session.secureCookie).toBe(true);
  });

  it.each(['0', 'no', 'off', 'yes', 'FALSE', ''])('refuses %j instead of guessing', (raw) => {
    const error = configError(() =>
      loadConfig({ env: { HANOI247_TRUST_PROXY: raw, HANOI247_SECURE_COOKIE: raw }, overrides: identity }),
    );
    expect(error.code).toBe('config/invalid');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['http.trustProxy', 'session.secureCookie']);
  });
});

describe('loadConfig: refusals', () => {
  it.each(['vn', 'UK', 'XX', 'VNM', ''])(
    'refuses the country %j, naming node.country and what is allowed',
    (country) => {
      const error = configError(() => loadConfig({ overrides: { ...identity, 'node.country': country } }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('config/invalid');
      expect(error.kind).toBe('invalid');
      expect(error.message).toContain('node.country');
      expect(error.message).toMatch(/ISO 3166-1 alpha-2/);
      expect(error.message).toMatch(/VN/);
      expect(error.issues).toContainEqual(expect.objectContaining({ path: 'node.country' }));
    },
  );

  it('refuses to start without the node identity', () => {
    const error = configError(() => loadConfig({ overrides: { dataDir: '/srv/hanoi247' } }));
    expect(error.code).toBe('config/invalid');
    expect(error.issues.some((issue) => issue.path.startsWith('node'))).toBe(true);
  });

  it('reports an unreadable (missing) file as config/invalid, naming it', () => {
    const missing = join(dir, 'missing.json');
    const error = configError(() => loadConfig({ file: missing, overrides: identity }));
    expect(error.code).toBe('config/invalid');
    expect(error.message).toContain(missing);
    expect(error.cause).toBeDefined();
  });

  it('reports a directory given as the file as config/invalid', () => {
    expect(configError(() => loadConfig({ file: dir, overrides: identity })).code).toBe('config/invalid');
  });

  it.each(['[1, 2]', '"text"', '42', 'null', 'true', '{"dataDir": ', ''])(
    'refuses the file content %j as not a JSON object',
    (content) => {
      const file = writeConfig(content);
      const error = configError(() => loadConfig({ file, overrides: identity }));
      expect(error.code).toBe('config/invalid');
      expect(error.message).toContain(file);
    },
  );

  it('refuses unknown keys at the top level of the file', () => {
    const file = writeConfig({ dataDir: '/srv/hanoi247', prot: 8080 });
    const error = configError(() => loadConfig({ file, overrides: identity }));
    expect(error.code).toBe('config/invalid');
    expect(error.message).toContain('prot');
  });

  it('refuses unknown keys inside a section of the file', () => {
    const file = writeConfig({ http: { hots: '0.0.0.0' }, node: { country: 'VN', name: 'x', region: 'APAC' } });
    const error = configError(() => loadConfig({ file, overrides: { dataDir: '/srv/hanoi247' } }));
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['http', 'node']);
    expect(error.message).toContain('hots');
    expect(error.message).toContain('region');
  });

  it.each<[string, Record<string, unknown>]>([
    ['a non-PostgreSQL database URL', { databaseUrl: 'mysql://db/hanoi' }],
    ['a port out of range', { 'http.port': 70000 }],
    ['a port that is not a number', { 'http.port': 'eighty' }],
    ['a tiny body limit', { 'http.bodyLimitBytes': 10 }],
    ['a zero session timeout', { 'session.idleTimeoutSeconds': 0 }],
    ['an unknown log level', { 'log.level': 'verbose' }],
    ['a public URL that is not a URL', { 'http.publicUrl': 'node.example' }],
    ['a blank node name', { 'node.name': '   ' }],
    ['an empty data directory', { dataDir: '' }],
    ['a bilateral ground that is no reason code', { 'legal.bilateralGrounds': ['ESSENTIAL_INTERESTS', 'MADE_UP'] }],
    [
      'a postponement code as a bilateral refusal ground',
      { 'legal.bilateralGrounds': ['INTERFERES_WITH_PROCEEDINGS'] },
    ],
    ['a bilateral ground listed twice', { 'legal.bilateralGrounds': ['ESSENTIAL_INTERESTS', 'ESSENTIAL_INTERESTS'] }],
  ])('refuses %s', (_label, overrides) => {
    expect(configError(() => loadConfig({ overrides: { ...identity, ...overrides } })).code).toBe('config/invalid');
  });

  it('takes the bilateral grounds from the file, and defaults to those of model treaties', () => {
    const file = writeConfig({ legal: { bilateralGrounds: ['ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE'] } });
    expect(loadConfig({ file, overrides: identity }).legal.bilateralGrounds).toEqual([
      'ESSENTIAL_INTERESTS',
      'POLITICAL_OFFENCE',
    ]);
    expect(loadConfig({ overrides: identity }).legal.bilateralGrounds).toContain('POLITICAL_OFFENCE');
  });
});

describe('loadStorageConfig', () => {
  it('does not need the node identity', () => {
    const config = loadStorageConfig({
      env: { HANOI247_DATA_DIR: '/srv/hanoi247', DATABASE_URL: 'postgresql://db/hanoi' },
    });
    expect(config.dataDir).toBe('/srv/hanoi247');
    expect(config.databaseUrl).toBe('postgresql://db/hanoi');
    expect(config.http).toEqual(configDefaults.http);
  });

  it('does not validate a node identity it does not use', () => {
    const config = loadStorageConfig({ overrides: { dataDir: '/srv/hanoi247', 'node.country': 'vn' } });
    expect(config.dataDir).toBe('/srv/hanoi247');
  });

  it('still validates everything else, strictly', () => {
    expect(configError(() => loadStorageConfig({ overrides: {} })).code).toBe('config/invalid');
    const file = writeConfig({ dataDir: '/srv/hanoi247', bogus: true });
    expect(configError(() => loadStorageConfig({ file })).message).toContain('bogus');
    expect(configError(() => loadStorageConfig({ overrides: { dataDir: '/x', databaseUrl: 'sqlite://x' } })).code).toBe(
      'config/invalid',
    );
  });

  it('follows the same precedence as loadConfig', () => {
    const file = writeConfig({ dataDir: '/from/file', http: { port: 1 } });
    const config = loadStorageConfig({
      file,
      env: { HANOI247_DATA_DIR: '/from/env', HANOI247_PORT: '2' },
      overrides: { 'http.port': 3 },
    });
    expect(config.dataDir).toBe('/from/env');
    expect(config.http.port).toBe(3);
  });
});

describe('numeric values from the environment', () => {
  it.each(['', 'abc', '80.5', '-1', '70000'])('refuses HANOI247_PORT=%j instead of guessing a port', (raw) => {
    expect(() =>
      loadConfig({
        env: { HANOI247_PORT: raw },
        overrides: { dataDir: '/tmp/x', 'node.country': 'VN', 'node.name': 'n' },
      }),
    ).toThrow(/http\.port/);
  });

  it('accepts digits from the environment', () => {
    expect(
      loadConfig({
        env: { HANOI247_PORT: '9000' },
        overrides: { dataDir: '/tmp/x', 'node.country': 'VN', 'node.name': 'n' },
      }).http.port,
    ).toBe(9000);
  });
});
