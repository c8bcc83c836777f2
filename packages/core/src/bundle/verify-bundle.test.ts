import { describe, expect, it } from 'vitest';
import { buildBundleFixture, type BundleFixture } from './bundle.fixtures.js';
import { formatBundleReport, type BundleReport, type CheckId } from './bundle-report.js';
import { memoryBundleSource } from './bundle-source.js';
import { verifyBundle } from './verify-bundle.js';

const failures = (report: BundleReport) => report.checks.filter((c) => c.status === 'fail');
const failed = (report: BundleReport, id: CheckId) => failures(report).filter((c) => c.id === id);
const custodyOf = (fixture: BundleFixture, item = 0) => {
  const path = fixture.manifest.items[item]!.custody.path;
  return {
    path,
    record: JSON.parse(fixture.entries.get(path)!.toString('utf8')) as {
      events: { leaf: string }[];
      openings: unknown[];
    },
  };
};
const put = (fixture: BundleFixture, path: string, value: unknown) =>
  fixture.entries.set(path, Buffer.from(`${JSON.stringify(value, null, 2)}\n`));

describe('verifyBundle on an untouched bundle', () => {
  it('passes every check, warning only that the fingerprint was not compared', async () => {
    const fixture = await buildBundleFixture();
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual(['descriptor.fingerprint']);
    const passed = new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.id));
    for (const id of [
      'manifest',
      'manifest.signature',
      'descriptor',
      'checkpoint.signature',
      'checkpoint.consistency',
      'file.hash',
      'custody.leaf',
      'custody.chain',
      'custody.order',
      'custody.inclusion',
      'custody.opening',
      'receipt',
      'entry.digest',
    ] as const) {
      expect(passed, id).toContain(id);
    }
    expect(report.fingerprints.VN).toBe(fixture.fingerprint);
    expect(report.bundle).toMatchObject({
      exporter: { country: 'VN' },
      destination: 'SG',
      items: 2,
      request: { reference: 'VN-2026-00042' },
    });
    expect(formatBundleReport(report)).toMatch(/^VERIFIED: /);
  });

  it('passes the fingerprint check when the published one is given, and fails on another', async () => {
    const fixture = await buildBundleFixture();
    const matching = await verifyBundle(fixture.source(), { expectFingerprint: fixture.fingerprint });
    expect(matching.ok).toBe(true);
    expect(matching.checks.filter((c) => c.status === 'warn')).toEqual([]);
    const other = await verifyBundle(fixture.source(), { expectFingerprint: `SHA256:${'A'.repeat(43)}` });
    expect(other.ok).toBe(false);
    expect(failed(other, 'descriptor.fingerprint')[0]?.message).toMatch(/not the expected SHA256:AAAA/);
  });

  it('warns, without failing, about a receipt it cannot verify without the partner descriptor', async () => {
    const fixture = await buildBundleFixture({ includePartnerDescriptor: false });
    const report = await verifyBundle(fixture.source());
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'receipt')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/present, not verifiable without the descriptor of SG/) as string,
    });
  });
});

describe('verifyBundle names what was tampered with', () => {
  it('one byte of one file', async () => {
    const fixture = await buildBundleFixture();
    const path = fixture.manifest.items[1]!.path;
    const bytes = Buffer.from(fixture.entries.get(path)!);
    bytes[1234] = bytes[1234]! ^ 0x01;
    fixture.entries.set(path, bytes);
    const report = await verifyBundle(fixture.source());
    expect(report.ok).toBe(false);
    expect(failures(report)).toHaveLength(1);
    expect(failures(report)[0]).toMatchObject({
      id: 'file.hash',
      subject: path,
      message: expect.stringMatching(/SHA-256 does not match the manifest \(item .+ "disk image\.bin"\)/) as string,
    });
    expect(formatBundleReport(report)).toMatch(
      new RegExp(`NOT VERIFIED[\\s\\S]*FAIL  ${path}: SHA-256 does not match`),
    );
  });

  it('one custody event’s text', async () => {
    const fixture = await buildBundleFixture();
    const { path, record } = custodyOf(fixture);
    record.events[1]!.leaf = record.events[1]!.leaf.replace('"type":"hashed"', '"type":"sealed"');
    put(fixture, path, record);
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'entry.digest').map((c) => c.subject)).toEqual([path]);
    expect(failed(report, 'custody.inclusion')[0]?.subject).toMatch(/^custody event 2 of item /);
    expect(failed(report, 'custody.inclusion')[0]?.message).toMatch(
      /inclusion proof for leaf \d+ does not verify against checkpoint \d+/,
    );
    expect(failed(report, 'custody.chain')[0]?.subject).toMatch(/^custody event 3 of item .+ \(sealed, /);
    expect(failed(report, 'custody.chain')[0]?.message).toMatch(/previous-hash link broken/);
  });

  it('a removed custody event breaks the chain where it was', async () => {
    const fixture = await buildBundleFixture();
    const { path, record } = custodyOf(fixture, 1);
    record.events.splice(1, 1);
    put(fixture, path, record);
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'custody.chain')).toHaveLength(1);
    expect(failed(report, 'custody.chain')[0]!.subject).toMatch(
      new RegExp(`^custody event 2 of item ${fixture.manifest.items[1]!.id} \\(sealed`),
    );
    expect(failed(report, 'custody.inclusion')).toEqual([]);
  });

  it('a removed first custody event', async () => {
    const fixture = await buildBundleFixture();
    const { path, record } = custodyOf(fixture, 1);
    record.events.shift();
    put(fixture, path, record);
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'custody.chain')[0]?.message).toMatch(
      /first event in the bundle but links to an earlier one/,
    );
  });

  it('a checkpoint signature, and then every proof against that checkpoint', async () => {
    const fixture = await buildBundleFixture();
    const newest = fixture.manifest.checkpoints.at(-1)!;
    const note = fixture.entries.get(newest.path)!.toString('utf8');
    const signature = /\u2014 \S+ (\S+)\n$/.exec(note)![1]!;
    const flipped = Buffer.from(signature, 'base64');
    flipped[40] = flipped[40]! ^ 0xff;
    fixture.entries.set(newest.path, Buffer.from(note.replace(signature, flipped.toString('base64'))));
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'checkpoint.signature')[0]).toMatchObject({
      subject: `checkpoint ${newest.size}`,
      message: expect.stringMatching(/^signature does not verify with any key of node VN/) as string,
    });
    expect(failed(report, 'custody.inclusion').length).toBeGreaterThan(0);
    expect(failed(report, 'custody.inclusion')[0]?.message).toMatch(
      new RegExp(`refers to checkpoint ${newest.size}, which did not verify`),
    );
  });

  it('checkpoints of another log than the exporting node’s', async () => {
    const report = await verifyBundle((await buildBundleFixture({ origin: 'hanoi247/VN/0000000000000000' })).source());
    expect(failed(report, 'checkpoint.signature').map((c) => c.message)).toEqual([
      expect.stringMatching(
        /^belongs to log "hanoi247\/VN\/0{16}", not to the log of node VN \("hanoi247\/VN\/[0-9a-f]{16}"\)$/,
      ),
      expect.stringMatching(/^belongs to log/),
    ]);
  });

  it('a consistency proof that does not link the older checkpoint to the newest', async () => {
    const fixture = await buildBundleFixture();
    const manifest = JSON.parse(fixture.entries.get('manifest.json')!.toString('utf8')) as {
      consistency: { proof: string[] }[];
    };
    manifest.consistency[0]!.proof.reverse();
    put(fixture, 'manifest.json', manifest);
    const report = await verifyBundle(fixture.source());
    expect(failed(report, 'checkpoint.consistency')[0]?.message).toMatch(/does not verify: the log was rewritten/);
    expect(failed(report, 'manifest.signature')).toHaveLength(1);
  });

  it('a removed receipt the manifest lists', async () => {
    const fixture = await buildBundleFixture();
    fixture.entries.delete(`receipts/${fixture.receiptId}.jws`);
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([
      expect.objectContaining({ id: 'entry.missing', subject: `receipts/${fixture.receiptId}.jws` }),
    ]);
  });

  it('a receipt not signed by the partner', async () => {
    const report = await verifyBundle((await buildBundleFixture({ forgedReceipt: true })).source());
    expect(failures(report)).toEqual([
      expect.objectContaining({ id: 'receipt', message: 'signature does not verify with any key of node SG' }),
    ]);
  });

  it('an extra entry', async () => {
    const fixture = await buildBundleFixture();
    fixture.entries.set('files/README.txt', Buffer.from('planted'));
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([expect.objectContaining({ id: 'entry.unlisted', subject: 'files/README.txt' })]);
  });

  it('a personal opening that does not match its commitment', async () => {
    const report = await verifyBundle(
      (await buildBundleFixture({ wrongOpening: { actorName: 'Someone Else' } })).source(),
    );
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'custody.opening',
        message: expect.stringMatching(/does not match the commitment/) as string,
      }),
    ]);
  });

  it('a custody event that records another hash than the item’s', async () => {
    const report = await verifyBundle((await buildBundleFixture({ wrongEventHash: 'c'.repeat(64) })).source());
    expect(failures(report).map((c) => c.id)).toEqual(['custody.leaf']);
    expect(failed(report, 'custody.leaf')[0]?.message).toMatch(
      /^records SHA-256 c{64}, but the item's is [0-9a-f]{64}$/,
    );
  });

  it('custody events out of time order', async () => {
    const report = await verifyBundle((await buildBundleFixture({ backwardsTime: true })).source());
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'custody.order',
        subject: expect.stringMatching(/^custody event 3 of item /) as string,
      }),
    ]);
  });

  it('a changed manifest: the exporter’s signature no longer covers it', async () => {
    const fixture = await buildBundleFixture();
    fixture.entries.set(
      'manifest.json',
      Buffer.from(
        fixture.entries.get('manifest.json')!.toString('utf8').replace('subscriber-records.txt', 'other-name.txt'),
      ),
    );
    const report = await verifyBundle(fixture.source());
    expect(failures(report)).toEqual([
      expect.objectContaining({
        id: 'manifest.signature',
        message: expect.stringMatching(/does not verify with key [0-9a-f]{16} of node VN/) as string,
      }),
    ]);
  });

  it('a replaced descriptor: nothing signed by the exporter can be checked', async () => {
    const fixture = await buildBundleFixture();
    const descriptor = JSON.parse(fixture.entries.get('descriptors/VN.json')!.toString('utf8')) as {
      descriptor: { name: string };
    };
    descriptor.descriptor.name = 'Impostor';
    put(fixture, 'descriptors/VN.json', descriptor);
    const report = await verifyBundle(fixture.source());
    const ids = new Set(failures(report).map((c) => c.id));
    for (const id of ['descriptor', 'manifest.signature', 'checkpoint.signature', 'custody.inclusion'] as const) {
      expect(ids, id).toContain(id);
    }
  });
});

describe('verifyBundle on what is not a bundle', () => {
  it('fails without a manifest, and on a manifest that is not one', async () => {
    const empty = await verifyBundle(memoryBundleSource(new Map([['notes.txt', 'hello']])));
    expect(empty.ok).toBe(false);
    expect(empty.bundle).toBeNull();
    expect(failures(empty)[0]).toMatchObject({
      id: 'manifest',
      message: expect.stringMatching(/no manifest\.json/) as string,
    });
    const wrong = await verifyBundle(memoryBundleSource(new Map([['manifest.json', '{"format":"zip"}']])));
    expect(failures(wrong)[0]?.message).toMatch(/is not a bundle manifest of version 1 or 2: format/);
    const binary = await verifyBundle(
      memoryBundleSource(new Map([['manifest.json', Uint8Array.of(0xff, 0xfe, 0x7b)]])),
    );
    expect(failures(binary)[0]?.message).toBe('is not UTF-8 JSON');
  });

  it('reports every entry the container refused', async () => {
    const fixture = await buildBundleFixture();
    const report = await verifyBundle(
      memoryBundleSource(fixture.entries, [
        { name: '../../etc/passwd', reason: 'its path leaves the bundle (zip slip)' },
      ]),
    );
    expect(failures(report)).toEqual([
      {
        id: 'container',
        status: 'fail',
        subject: '../../etc/passwd',
        message: 'refused: its path leaves the bundle (zip slip)',
      },
    ]);
  });
});
