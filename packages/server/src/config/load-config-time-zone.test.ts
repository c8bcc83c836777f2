import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDomainError } from '@hanoi247/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

/** `node.timeZone`: the zone whose calendar counts the node's legal days (ADR 0011). */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hanoi247-config-zone-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(content: unknown): string {
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const identity = { dataDir: '/srv/hanoi247', 'node.country': 'VN', 'node.name': 'Viet Nam 24/7' } as const;

function configError(load: () => unknown) {
  try {
    load();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('node.timeZone', () => {
  it('is UTC unless set', () => {
    expect(loadConfig({ overrides: identity }).node.timeZone).toBe('UTC');
  });

  it('takes the zone that counts legal days from the file, the environment or a flag', () => {
    const file = writeConfig({
      dataDir: '/srv/hanoi247',
      node: { country: 'FR', name: 'France 24/7', timeZone: 'Europe/Paris' },
    });
    expect(loadConfig({ file }).node.timeZone).toBe('Europe/Paris');
    expect(loadConfig({ file, env: { HANOI247_TIME_ZONE: 'America/New_York' } }).node.timeZone).toBe(
      'America/New_York',
    );
    expect(loadConfig({ overrides: { ...identity, 'node.timeZone': 'Asia/Ho_Chi_Minh' } }).node.timeZone).toBe(
      'Asia/Ho_Chi_Minh',
    );
  });

  it.each(['Asia/Hanoi_City', '+07:00', 'GMT+7', 'europe/paris ', ''])(
    'refuses the time zone %j, naming node.timeZone and what is allowed',
    (timeZone) => {
      const error = configError(() => loadConfig({ overrides: { ...identity, 'node.timeZone': timeZone } }));
      expect(error.code).toBe('config/invalid');
      expect(error.message).toContain('node.timeZone');
      expect(error.message).toMatch(/IANA time zone such as Asia\/Ho_Chi_Minh/);
      expect(error.issues).toEqual([expect.objectContaining({ path: 'node.timeZone' })]);
    },
  );
});
