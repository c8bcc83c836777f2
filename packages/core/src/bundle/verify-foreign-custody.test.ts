import { describe, expect, it } from 'vitest';
import type { BundleReport, CheckId } from './bundle-report.js';
import { formatBundleReport } from './bundle-report.js';
import { buildForeignBundleFixture, type ForeignBundleFixture } from './foreign-bundle.fixtures.js';
import { verifyBundle } from './verify-bundle.js';

const failures = (report: BundleReport) => report.checks.filter((c) => c.status === 'fail');
const failed = (report: BundleReport, id: CheckId) => failures(report).filter((c) => c.id === id);
const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const foreignRecord = (fixture: ForeignBundleFixture) => {
  const path = fixture.manifest.items.find((i) => i.id === fixture.receivedId)!.foreignCustody!.path;
  return {
    path,
    record: JSON.parse(fixture.entries.get(path)!.toString('utf8')) as {
      events: { leaf: string; leafIndex: number }[];
    },
  };
};
const sgSize = (fixture: ForeignBundleFixture) => fixture.manifest.partnerCheckpoints![0]!.size;

describe('verifyBundle on a chain that crosses a border', () => {
  it('passes: Singapore’s events proved in Singapore’s checkpoint, then Viet Nam’s in Viet Nam’s', async () => {
    const fixture = await buildForeignBundleFixture();
    expect(fixture.manifest.v).toBe(2);
    expect(fixture.manifest.partnerCheckpoints).toEqual([
      expect.objectContaining({ country: 'SG', path: `checkpoints/SG/${sgSize(fixture)}.note` }),
    ]);
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    // The court has two fingerprints to compare: the exporter's and the sending State's.
    expect(report.checks.filter((c) => c.status === 'warn').map((c) => [c.id, c.subject])).toEqual([
      ['descriptor.fingerprint', 'node VN'],
      ['foreign.fingerprint', 'node SG'],
    ]);
    expect(report.checks.find((c) => c.id === 'foreign.fingerprint')?.message).toContain(fixture.sgFingerprint);
    expect(report.fingerprints.SG).toBe(fixture.sgFingerprint);
    const received = report.checks
      .filter((c) => c.subject === `item ${fixture.receivedId}` && c.status === 'pass')
      .map((c) => c.message);
    expect(received).toContain(
      `every event SG recorded is in SG's ledger (inclusion proofs verify against ` +
        `its signed checkpoint ${sgSize(fixture)})`,
    );
    expect(received).toContain(
      "SG's chain runs unbroken from its first event (no predecessor) to its transmission to VN",
    );
    expect(received).toContain("the chain continues SG's transmission and runs unbroken through all 3 event(s) here");
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        id: 'foreign.checkpoint',
        status: 'pass',
        subject: `checkpoint SG/${sgSize(fixture)}`,
      }),
    );
  });

  it('compares the sending State’s fingerprint when given, and fails on another', async () => {
    const fixture = await buildForeignBundleFixture();
    const matching = await verifyBundle(fixture.source(), { expectPartnerFingerprints: { SG: fixture.sgFingerprint } });
    expect(matching.checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual(['descriptor.fingerprint']);
    const other = await verifyBundle(fixture.source(), {
      expectPartnerFingerprints: { SG: `SHA256:${'B'.repeat(43)}` },
    });
    expect(failures(other)).toEqual([
      expect.objectContaining({
        id: 'foreign.fingerprint',
        subject: 'node SG',
        message: expect.stringMatching(
          /not the expected SHA256:BBBB.*SG's part of the custody chain may be forged/,
        ) as string,
      }),
    ]);
  });

  it('names a tampered foreign leaf: not in the sender’s checkpoint, and the chain after it broken', async () => {
    const fixture = await buildForeignBundleFixture();
    const { path, record } = foreignRecord(fixture);
    record.events[2]!.leaf = record.events[2]!.leaf.replace('"type":"sealed"', '"type":"hashed"');
    fixture.entries.set(path, json(record));
    const report = await verifyBundle(fixture.source());
    expect(report.ok).toBe(false);
    expect(failed(report, 'entry.digest').map((c) => c.subject)).toEqual([path]);
    expect(failed(report, 'custody.inclusion')).toEqual([
      expect.objectContaining({
        subject: `item ${fixture.receivedId}`,
        message:
          `the sender's custody event 3 (SG) is not in SG's signed checkpoint ${sgSize(fixture)}: ` +
          `the inclusion proof for leaf ${record.events[2]!.leafIndex} does not verify`,
      }),
    ]);
    expect(failed(report, 'custody.chain')[0]?.message).toMatch(
      /^the sender's custody event 4 \(SG, packaged\): previous-hash link broken/,
    );
    expect(formatBundleReport(report)).toContain(
      `FAIL  item ${fixture.receivedId}: the sender's custody event 3 (SG) is not in SG's signed checkpoint`,
    );
  });

  it('names a foreign checkpoint signed by a key the sender’s descriptor does not list', async () => {
    const fixture = await buildForeignBundleFixture({ senderKeyUnlisted: true });
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'foreign.checkpoint')).toEqual([
      expect.objectContaining({
        subject: `checkpoint SG/${sgSize(fixture)}`,
        message: expect.stringMatching(/^signature does not verify with any key of node SG/) as string,
      }),
    ]);
    expect(failed(report, 'custody.inclusion')).toEqual([
      expect.objectContaining({
        subject: `item ${fixture.receivedId}`,
        message:
          `the custody events SG recorded are proved in SG's checkpoint ${sgSize(fixture)}, ` +
          `which did not verify (see above)`,
      }),
    ]);
  });

  it('names a broken cross-border link: the first local event does not follow the sender’s transmission', async () => {
    const fixture = await buildForeignBundleFixture({ brokenLink: true });
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'custody.chain',
        subject: `item ${fixture.receivedId}`,
        message: expect.stringMatching(
          new RegExp(
            String.raw`^the first local event \(received, [0-9a-f-]{36}\) does not follow SG's transmission: ` +
              String.raw`it links to [0-9a-f]{64}, SG's last event hashes to [0-9a-f]{64}$`,
          ),
        ) as string,
      }),
    ]);
  });

  it('names the missing descriptor of the sending State', async () => {
    const fixture = await buildForeignBundleFixture({ withoutSenderDescriptor: true });
    const report = await verifyBundle(fixture.source());
    expect(report.ok).toBe(false);
    expect(failed(report, 'foreign.checkpoint')).toEqual([
      expect.objectContaining({
        subject: 'node SG',
        message: expect.stringMatching(
          new RegExp(
            String.raw`^the bundle does not include descriptors/SG\.json: ` +
              String.raw`without the descriptor of SG, the custody events SG recorded`,
          ),
        ) as string,
      }),
      expect.objectContaining({
        subject: `checkpoint SG/${sgSize(fixture)}`,
        message: 'cannot be checked without the descriptor of SG',
      }),
    ]);
    expect(failed(report, 'custody.inclusion').map((c) => c.subject)).toEqual([`item ${fixture.receivedId}`]);
  });

  it('names a sender’s chain that does not end with its transmission to the exporter', async () => {
    const report = await verifyBundle((await buildForeignBundleFixture({ transmittedTo: 'TH' })).source());
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'custody.chain',
        message:
          "SG's last custody event is its transmission to TH, not a transmission to " +
          'VN: the bundle does not show the evidence leaving SG for VN',
      }),
    ]);
  });

  it('names a sender’s chain whose first events were left out', async () => {
    const fixture = await buildForeignBundleFixture();
    const { path, record } = foreignRecord(fixture);
    record.events.shift();
    fixture.entries.set(path, json(record));
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'custody.chain')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(
            String.raw`^the sender's custody event 1 \(SG, hashed\) links to an earlier event \([0-9a-f]{64}\) ` +
              String.raw`that the bundle does not include`,
          ),
        ) as string,
      }),
    ]);
  });

  it('still requires the exporter’s own items to start from nothing', async () => {
    const fixture = await buildForeignBundleFixture();
    const path = fixture.manifest.items.find((i) => i.id === fixture.ownId)!.custody.path;
    const record = JSON.parse(fixture.entries.get(path)!.toString('utf8')) as { events: unknown[] };
    record.events.shift();
    fixture.entries.set(path, json(record));
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'custody.chain')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/is the first event in the bundle but links to an earlier one/) as string,
      }),
    ]);
  });

  it('refuses foreign custody in a version 1 manifest, which a version 1 verifier would not check', async () => {
    const fixture = await buildForeignBundleFixture();
    const manifest = JSON.parse(fixture.entries.get('manifest.json')!.toString('utf8')) as { v: number };
    manifest.v = 1;
    fixture.entries.set('manifest.json', json(manifest));
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'manifest',
        message: expect.stringMatching(
          /^is not a bundle manifest of version 1 or 2: v: foreign custody needs a version 2 manifest/,
        ) as string,
      }),
    ]);
  });
});
