import {
  bundleManifestSchema,
  entryCaps,
  listedEntries,
  manifestPath,
  manifestSignaturePath,
  type BundleItem,
  type BundleManifest,
} from './bundle-manifest.js';
import { CheckLog, type BundleReport } from './bundle-report.js';
import { digestEntry, utf8Text, type BundleSource, type EntryDigest } from './bundle-source.js';
import { verifyBundleManifest } from './manifest-signature.js';
import { verifyCheckpoints } from './verify-checkpoints.js';
import { issuesText, messageOf, VerifyContext } from './verify-context.js';
import { verifyItemCustody } from './verify-custody.js';
import { verifyDescriptors } from './verify-descriptors.js';
import { verifyForeignCustody } from './verify-foreign-custody.js';
import { verifyPartnerCheckpoints } from './verify-partner-checkpoints.js';
import { verifyReceipts } from './verify-receipts.js';

export interface VerifyBundleOptions {
  /** The exporting node's signing-key fingerprint as published out of band; a mismatch fails the bundle. */
  readonly expectFingerprint?: string;
  /** Sending States' signing-key fingerprints as they published them, by country; a mismatch fails the bundle. */
  readonly expectPartnerFingerprints?: { readonly [country: string]: string };
}

/**
 * The offline verification of docs/protocols/bundle.md §5, in its order. It never throws for
 * anything inside the bundle: every problem becomes a failed check naming its subject. Only a
 * source that cannot list its entries at all (not a bundle) throws.
 */
export async function verifyBundle(source: BundleSource, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  const log = new CheckLog();
  const listing = await source.list();
  for (const refused of listing.refused) log.fail('container', refused.name, `refused: ${refused.reason}`);
  const present = new Map(listing.entries.map((e) => [e.name, e]));
  const ctx = new VerifyContext(source, log, present);

  const manifestRead = await readManifest(ctx);
  if (manifestRead === null) return log.report(null, {});
  const { manifest, bytes } = manifestRead;
  const summary = {
    id: manifest.id,
    createdAt: manifest.createdAt,
    exporter: manifest.exporter,
    destination: manifest.destination,
    request: manifest.request,
    items: manifest.items.length,
  };

  checkEntrySet(ctx, manifest);
  const descriptors = await verifyDescriptors(ctx, manifest, options.expectFingerprint);
  await checkManifestSignature(ctx, bytes, descriptors.exporter);
  const checkpoints = await verifyCheckpoints(ctx, manifest, descriptors.exporter);
  const partnerCheckpoints = await verifyPartnerCheckpoints(
    ctx,
    manifest,
    descriptors.byCountry,
    options.expectPartnerFingerprints,
  );
  const listedSizes = new Set(manifest.checkpoints.map((c) => c.size));
  const digests = new Map<string, Promise<EntryDigest | string>>();
  for (const item of manifest.items) {
    await checkFile(ctx, item, digests);
    const follows = await verifyForeignCustody(ctx, manifest, item, partnerCheckpoints);
    await verifyItemCustody(ctx, item, checkpoints, listedSizes, follows);
  }
  await verifyReceipts(ctx, manifest, descriptors.byCountry);
  for (const annex of manifest.annexes) await checkAnnex(ctx, annex);
  if (!log.checks.some((c) => c.id === 'entry.digest' && c.status === 'fail')) {
    log.pass('entry.digest', 'bundle', 'every record the manifest lists matches its SHA-256');
  }
  return log.report(summary, descriptors.fingerprints);
}

async function readManifest(ctx: VerifyContext): Promise<{ manifest: BundleManifest; bytes: Buffer } | null> {
  if (!ctx.present.has(manifestPath)) {
    ctx.log.fail(
      'manifest',
      manifestPath,
      'the bundle has no manifest.json: it is not an evidence bundle, or it was damaged',
    );
    return null;
  }
  const bytes = await ctx.read(manifestPath, null, entryCaps.manifest, 'manifest', manifestPath);
  if (bytes === null) return null;
  let input: unknown;
  try {
    input = JSON.parse(utf8Text(bytes));
  } catch {
    ctx.log.fail('manifest', manifestPath, 'is not UTF-8 JSON');
    return null;
  }
  const parsed = bundleManifestSchema.safeParse(input);
  if (!parsed.success) {
    ctx.log.fail(
      'manifest',
      manifestPath,
      `is not a bundle manifest of version 1 or 2: ${issuesText(parsed.error.issues)}`,
    );
    return null;
  }
  const m = parsed.data;
  const received = m.items.filter((i) => i.foreignCustody !== undefined).length;
  const foreign = received === 0 ? '' : `, ${received} of them received from another State with its custody there`;
  ctx.log.pass(
    'manifest',
    manifestPath,
    `version ${m.v}: lists ${m.items.length} item(s)${foreign}, ${m.checkpoints.length} ` +
      `checkpoint(s), ${m.receipts.length} receipt(s) and ${m.descriptors.length} descriptor(s)`,
  );
  return { manifest: m, bytes };
}

/** Nothing listed may be missing and nothing unlisted may be present: a bundle is sealed as exported. */
function checkEntrySet(ctx: VerifyContext, manifest: BundleManifest): void {
  const listed = listedEntries(manifest);
  listed.set(manifestPath, '');
  listed.set(manifestSignaturePath, '');
  let missing = 0;
  for (const path of listed.keys()) {
    if (ctx.present.has(path)) continue;
    missing += 1;
    ctx.log.fail('entry.missing', path, 'the manifest lists this entry but the bundle does not contain it');
  }
  let extra = 0;
  for (const name of ctx.present.keys()) {
    if (listed.has(name)) continue;
    extra += 1;
    ctx.log.fail(
      'entry.unlisted',
      name,
      'the bundle contains this entry but the manifest does not list it: something was added after export',
    );
  }
  if (missing === 0) {
    ctx.log.pass('entry.missing', 'bundle', `all ${listed.size} entries the manifest names are present`);
  }
  if (extra === 0) ctx.log.pass('entry.unlisted', 'bundle', 'no entry outside the manifest');
}

async function checkManifestSignature(
  ctx: VerifyContext,
  manifestBytes: Buffer,
  exporter: Parameters<typeof verifyBundleManifest>[2] | null,
): Promise<void> {
  const bytes = await ctx.read(
    manifestSignaturePath,
    null,
    entryCaps.signature,
    'manifest.signature',
    manifestSignaturePath,
  );
  if (bytes === null) return;
  if (exporter === null) {
    ctx.log.fail(
      'manifest.signature',
      manifestSignaturePath,
      'cannot be checked without the exporting node\u2019s descriptor',
    );
    return;
  }
  let jws: string;
  try {
    jws = utf8Text(bytes);
  } catch {
    ctx.log.fail('manifest.signature', manifestSignaturePath, 'is not UTF-8 text');
    return;
  }
  const result = await verifyBundleManifest(manifestBytes, jws, exporter);
  if (result.ok) {
    ctx.log.pass(
      'manifest.signature',
      manifestPath,
      `signed by node ${exporter.country} with key ${result.keyId}${result.retired ? ' (since retired)' : ''}`,
    );
  } else ctx.log.fail('manifest.signature', manifestPath, result.reason);
}

/** Hashes each distinct file once (items may share content), streaming it: memory stays flat whatever its size. */
async function checkFile(
  ctx: VerifyContext,
  item: BundleItem,
  digests: Map<string, Promise<EntryDigest | string>>,
): Promise<void> {
  const entry = ctx.present.get(item.path);
  const subject = item.path;
  const label = `item ${item.id} "${item.filename}"`;
  if (entry === undefined) return;
  let pending = digests.get(item.path);
  if (pending === undefined) {
    pending = digestEntry(ctx.source, item.path).catch((error: unknown) => messageOf(error));
    digests.set(item.path, pending);
  }
  const digest = await pending;
  if (typeof digest === 'string') ctx.log.fail('file.hash', subject, `cannot be read (${label}): ${digest}`);
  else if (digest.sha256 !== item.sha256) {
    ctx.log.fail(
      'file.hash',
      subject,
      `SHA-256 does not match the manifest (${label}): the content is ${digest.sha256}`,
    );
  } else if (digest.size !== item.size) {
    ctx.log.fail('file.hash', subject, `holds ${digest.size} bytes, the manifest says ${item.size} (${label})`);
  } else ctx.log.pass('file.hash', subject, `${label}: ${item.size} bytes, SHA-256 matches`);
}

/** The CASE/UCO annex is derived from the manifest and informative: its digest is what binds it. */
async function checkAnnex(ctx: VerifyContext, annex: BundleManifest['annexes'][number]): Promise<void> {
  if (!ctx.present.has(annex.path)) return;
  try {
    const digest = await digestEntry(ctx.source, annex.path);
    if (digest.sha256 !== annex.sha256) {
      ctx.log.fail(
        'entry.digest',
        annex.path,
        `SHA-256 is ${digest.sha256}, the manifest says ${annex.sha256}: the entry was changed after export`,
      );
    }
  } catch (error) {
    ctx.log.fail('entry.digest', annex.path, `cannot be read: ${messageOf(error)}`);
  }
}
