import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorPrincipal, parseCustodyLeaf, type BundleReport } from '@hanoi247/core';
import { runCli, settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyring } from '../identity/node-keyring.js';
import { incomingAt, sendPreservation, startPair, type Pair, type Problem } from './federation.fixtures.js';

/**
 * A court's view of evidence that crossed a border: Singapore sends Viet Nam a file; the bundle
 * Viet Nam exports carries Singapore's custody events proved in Singapore's signed checkpoint,
 * then Viet Nam's continuing them, and the built `hanoi247 verify` (core alone, offline) checks
 * the whole chain. The fingerprints it is given are read from each node's own keyring: the
 * values each State would publish out of band.
 */
describe('a bundle of evidence received from another State', () => {
  let pair: Pair;
  let dir: string;
  let vnRequestId: string;
  let itemId: string;
  let fingerprints: { vn: string; sg: string };
  const content = randomBytes(300_000);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  const metadata = {
    source: 'provider-production',
    dataCategory: 'subscriber',
    acquisition: { method: 'Production order to the provider', acquiredAt: '2026-11-01T15:00:00+08:00' },
    personalData: true,
    originCountry: 'SG',
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h247-crossed-'));
    pair = await startPair();
    vnRequestId = (await sendPreservation(pair)).id;
    await settle([pair.vn, pair.sg]);
    const sgRequestId = (await incomingAt(pair.sg, pair.users.sgDuty))[0]!.id;
    const added = await pair.sg.app.node.services.evidence.add(
      operator,
      { requestId: sgRequestId, filename: 'subscriber-records.csv', mediaType: 'text/csv', metadata },
      Readable.from([content]),
    );
    const offered = await pair.sg.call('POST', `/api/v1/requests/${sgRequestId}/evidence-offers`, {
      as: pair.users.sgChief,
      body: { evidenceIds: [added.id] },
    });
    expect(offered.statusCode, offered.body).toBe(202);
    await settle([pair.vn, pair.sg]);
    expect(await pair.vn.app.node.services.evidenceFetcher.fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    itemId = (
      await pair.vn.app.node.database.db
        .selectFrom('evidence_items')
        .select('id')
        .where('request_id', '=', vnRequestId)
        .executeTakeFirstOrThrow()
    ).id;
    fingerprints = {
      vn: loadKeyring(pair.vn.config.dataDir)!.current.signing.fingerprint,
      sg: loadKeyring(pair.sg.config.dataDir)!.current.signing.fingerprint,
    };
  });
  afterAll(async () => {
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const exportTo = (name: string, destinationCountry: string | null) =>
    pair.vn.app.node.services.bundles.export(operator, {
      evidenceIds: [itemId],
      destinationCountry,
      disclosePersonal: false,
      outputPath: join(dir, name),
    });
  const verify = async (path: string) => {
    const result = await runCli([
      'verify',
      path,
      '--json',
      '--expect-fingerprint',
      fingerprints.vn,
      '--expect-partner-fingerprint',
      `SG=${fingerprints.sg}`,
    ]);
    return { code: result.code, report: JSON.parse(result.stdout) as BundleReport };
  };
  const failures = (report: BundleReport) => report.checks.filter((c) => c.status !== 'pass');

  it('exports at Viet Nam a bundle whose whole chain, Singapore’s part first, verifies offline', async () => {
    const result = await exportTo('received.zip', null);
    expect(result.manifest.v).toBe(2);
    expect(result.manifest.items).toEqual([
      expect.objectContaining({
        id: itemId,
        sha256,
        foreignCustody: expect.objectContaining({ country: 'SG', path: `custody/${itemId}.SG.json` }) as unknown,
      }),
    ]);
    const sgCheckpoint = await pair.vn.app.node.database.db
      .selectFrom('partner_checkpoints')
      .select('tree_size')
      .where('country', '=', 'SG')
      .executeTakeFirstOrThrow();
    expect(result.manifest.partnerCheckpoints).toEqual([
      expect.objectContaining({ country: 'SG', size: Number(sgCheckpoint.tree_size) }),
    ]);
    expect(result.manifest.descriptors.map((d) => d.country)).toEqual(['VN', 'SG']);

    const { code, report } = await verify(result.written.path);
    expect(failures(report)).toEqual([]);
    expect(code).toBe(0);
    expect(report.fingerprints).toEqual({ VN: fingerprints.vn, SG: fingerprints.sg });
    const item = report.checks.filter((c) => c.subject === `item ${itemId}`).map((c) => c.message);
    expect(item).toContain("SG's chain runs unbroken from its first event (no predecessor) to its transmission to VN");
    expect(item).toContainEqual(
      expect.stringMatching(
        /^the chain continues SG's transmission and runs unbroken through all \d+ event\(s\) here$/,
      ),
    );
    expect(item).toContainEqual(expect.stringMatching(/^5 custody event\(s\) recorded by SG before sending it/));
  });

  it(
    'serves the bundle over POST /api/v1/bundles as a zip attachment that verifies, ' + 'with the request’s receipts',
    async () => {
      const response = await pair.vn.call('POST', '/api/v1/bundles', {
        as: pair.users.vnChief,
        body: { requestId: vnRequestId },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="evidence-bundle-[0-9a-f]{12}\.zip"/,
      );
      const path = join(dir, 'served.zip');
      writeFileSync(path, response.rawPayload);
      const { code, report } = await verify(path);
      expect(failures(report)).toEqual([]);
      expect(code).toBe(0);
      expect(report.checks.filter((c) => c.id === 'receipt' && c.status === 'pass').length).toBeGreaterThan(0);
      expect(report.bundle).toMatchObject({ items: 1, request: { id: vnRequestId } });
    },
  );

  it('refuses a bundle for a third State until Singapore’s authorisation is recorded (Art. 36)', async () => {
    await expect(exportTo('fr.zip', 'FR')).rejects.toMatchObject({ code: 'evidence/onward-transfer-not-authorised' });
    expect(existsSync(join(dir, 'fr.zip'))).toBe(false);
    const refused = await pair.vn.call('POST', '/api/v1/bundles', {
      as: pair.users.vnChief,
      body: { evidenceIds: [itemId], destination: 'FR' },
    });
    expect(refused.json<Problem>()).toMatchObject({ status: 403, code: 'evidence/onward-transfer-not-authorised' });

    const central = await pair.vn.user(pair.users.vnAdmin, 'vn.central', ['central_authority_officer']);
    const recorded = await pair.vn.call('POST', `/api/v1/evidence/${itemId}/onward-transfer-authorisations`, {
      as: central,
      body: { destination: 'FR', reference: 'SG-AGC-2026-114' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const allowed = await exportTo('fr.zip', 'FR');
    expect(allowed.manifest.destination).toBe('FR');
    expect(allowed.authorisations).toEqual([{ evidenceId: itemId, reference: 'SG-AGC-2026-114' }]);
    const { code } = await verify(allowed.written.path);
    expect(code).toBe(0);
    // The transfer on is itself part of the chain, naming the consent it relied on.
    const events = await pair.vn.app.node.database.db
      .selectFrom('custody_events')
      .select('leaf_data')
      .where('evidence_id', '=', itemId)
      .execute();
    expect(
      events.map((e) => parseCustodyLeaf(e.leaf_data)).find((e) => e?.type === 'onward-transferred')?.details,
    ).toMatchObject({ destination: 'FR', authorisation: 'SG-AGC-2026-114' });
  });
});
