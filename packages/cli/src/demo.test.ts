import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { totpCodeAt } from '@hanoi247/server';
import { runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The story's steps, in order, as the demo prints them (each after its elapsed times). */
const steps = [
  /signed in vn\.duty, vn\.supervisor, sg\.duty, sg\.supervisor \(password \+ TOTP code\)/,
  /vn\.duty drafted VN-\d{4}-\d{6}: expedited preservation \(UN art\. 42\) VN → SG/,
  /vn\.duty submit → SUBMITTED/,
  /vn\.supervisor approve → APPROVED/,
  /vn\.duty send → SENT/,
  /arrived at SG: VN-\d{4}-\d{6} is incoming, RECEIVED/,
  /sg\.duty acknowledge → ACKNOWLEDGED/,
  /VN shows VN-\d{4}-\d{6} ACKNOWLEDGED/,
  /sg\.duty triage → TRIAGE/,
  /sg\.supervisor accept → ACCEPTED/,
  /signed in sg\.admin, sg\.provider \(password \+ TOTP code\)/,
  /sg\.admin has Example Platform \(demo\) in the provider registry, sg\.provider acting for it/,
  new RegExp(
    String.raw`sg\.duty drafted domestic order SG-ORD-\d{4}-\d{6} \(UN art\. 25\) from the request in one step ` +
      String.raw`\(request ACCEPTED until the order is served\)`,
  ),
  /sg\.supervisor authorise SG-ORD-\d{4}-\d{6} → AUTHORISED/,
  /sg\.duty serve SG-ORD-\d{4}-\d{6} → SERVED/,
  /sg\.provider verified SG-ORD-\d{4}-\d{6} offline: signed by node SG key [0-9a-f]{16}, not altered/,
  /sg\.provider acknowledge → ACKNOWLEDGED/,
  /sg\.provider confirm-preservation → PRESERVED/,
  /VN shows VN-\d{4}-\d{6} PRESERVED/,
];

const credentialRows = (stdout: string): string[] =>
  stdout.match(/^ {2}(?:vn|sg|fr)\.[a-z]+ +[a-z_]+ +\S{16} +[A-Z2-7]{32}$/gm) ?? [];
const keyFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('hanoi247 demo', () => {
  let dataDir: string;
  let firstRun = '';
  // Port 0: every node takes a free port, so this runs beside anything else on the machine.
  const scenario = () => ['demo', '--scenario', 'preservation', '--exit', '--data', dataDir, '--base-port', '0'];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'h247-demo-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'starts three federated nodes with demo accounts and plays the preservation ' + 'story to "preserved until"',
    async () => {
      const result = await runCli(scenario());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /VN {2}Viet Nam 24\/7 \(demo\) +http:\/\/127\.0\.0\.1:\d+\/ +API docs http:\/\/127\.0\.0\.1:\d+\/api\/v1\/docs/,
      );
      expect(result.stdout).toMatch(/SG {2}Singapore 24\/7 \(demo\)/);
      expect(result.stdout).toMatch(/FR {2}France 24\/7 \(demo\)/);
      expect(result.stdout).toMatch(/created on this first run/);
      expect(credentialRows(result.stdout)).toHaveLength(18);
      // A fresh network holds weeks of demo casework before the story starts.
      expect(result.stdout).toMatch(
        new RegExp(
          String.raw`Demo data: seeded \d{2} requests, \d+ domestic orders and \d+ evidence items? ` +
            String.raw`over the past 5 weeks, marked \[DEMO\]`,
        ),
      );
      let rest = result.stdout;
      for (const step of steps) {
        const match = step.exec(rest);
        expect(match, `${String(step)} after the previous step`).not.toBeNull();
        const line = rest.slice(0, match?.index).split('\n').at(-1) ?? '';
        expect(line).toMatch(/^ +\d+ ms +\+\d+ ms {2}$/);
        rest = rest.slice((match?.index ?? 0) + (match?.[0].length ?? 0));
      }
      expect(rest).toMatch(/preserved until \d{4}-\d{2}-\d{2}T[\d:.]+Z/);
      expect(existsSync(join(dataDir, 'vn', 'hanoi247.db'))).toBe(true);
      firstRun = result.stdout;
    },
  );

  it('reuses the data on a second run: same keys, same accounts, the next request number', async () => {
    const keysBefore = keyFiles(join(dataDir, 'vn', 'keys'));
    const again = await runCli(scenario());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/reused from the first run/);
    expect(again.stdout).not.toMatch(/Demo data: seeded/);
    expect(credentialRows(again.stdout)).toEqual(credentialRows(firstRun));
    const next = (pattern: RegExp) => String(Number(pattern.exec(firstRun)?.[1]) + 1).padStart(6, '0');
    const request = /vn\.duty drafted VN-\d{4}-(\d{6})/;
    const order = /sg\.duty drafted domestic order SG-ORD-\d{4}-(\d{6})/;
    expect(request.exec(again.stdout)?.[1]).toBe(next(request));
    expect(order.exec(again.stdout)?.[1]).toBe(next(order));
    expect(again.stdout).toMatch(/preserved until /);
    expect(keyFiles(join(dataDir, 'vn', 'keys'))).toEqual(keysBefore);
  });
});

// Each of these is its own short process: run them side by side.
describe.concurrent('hanoi247 demo and totp refusing bad input', () => {
  it('prints the current TOTP code and refuses a secret that is not base32', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const before = Date.now();
    const result = await runCli(['totp', secret]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d{6}\n$/);
    // The step may turn while the process starts: the code is one of the steps the call spanned.
    const codes = [before, Date.now()].map((t) => totpCodeAt(secret, new Date(t)));
    expect(codes).toContain(result.stdout.trim());
    const bad = await runCli(['totp', 'not-base32-1890!']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be base32/);
  });

  it('refuses an unknown country, naming it, before touching any data', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'h247-demo-bad-'));
    try {
      const result = await runCli(['demo', '--countries', 'VN,XX', '--data', empty, '--base-port', '0', '--exit']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--countries: XX is not an ISO 3166-1 alpha-2 country code/);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('explains its options', async () => {
    const result = await runCli(['demo', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /--countries <list>.*--data <dir>.*--base-port <port>.*--scenario <name>.*--exit.*--no-history.*--seed <number>/s,
    );
  });
});
