import { isDomainError } from '../errors/domain-error.js';
import { currentKey, type NodeDescriptor } from '../federation/node-descriptor.js';
import { parseCheckpoint, type Checkpoint } from '../ledger/checkpoint.js';
import { descriptorLedgerOrigin, openCheckpoint } from '../ledger/log-identity.js';
import { bundlePaths, entryCaps, type BundleManifest } from './bundle-manifest.js';
import { utf8Text } from './bundle-source.js';
import { messageOf, type VerifyContext } from './verify-context.js';

/** Partner checkpoints that verified, by `<COUNTRY>/<size>`. */
export type PartnerCheckpoints = ReadonlyMap<string, Checkpoint>;
export const partnerCheckpointKey = (country: string, size: number) => `${country}/${size}`;

/**
 * The States whose custody the bundle carries: those of the items' foreign custody and of the listed partner
 * checkpoints.
 */
export function sendingStates(manifest: BundleManifest): string[] {
  const states = new Set<string>();
  for (const item of manifest.items) if (item.foreignCustody !== undefined) states.add(item.foreignCustody.country);
  for (const ref of manifest.partnerCheckpoints ?? []) states.add(ref.country);
  return [...states].sort();
}

/**
 * The sending States' checkpoints (bundle.md §5 step 6a). Each must be a signed note of the
 * sending State's own log (the origin derived from its descriptor), signed by a signing key its
 * descriptor lists, current or retired: the same rule a partner node applied on receipt
 * (openCheckpoint). The descriptor is only self-signed, so the court anchors it by comparing the
 * sending State's published fingerprint, exactly as for the exporter.
 */
export async function verifyPartnerCheckpoints(
  ctx: VerifyContext,
  manifest: BundleManifest,
  descriptors: ReadonlyMap<string, NodeDescriptor>,
  expectFingerprints: { readonly [country: string]: string } = {},
): Promise<PartnerCheckpoints> {
  for (const country of sendingStates(manifest)) {
    checkSendingState(ctx, manifest, country, descriptors.get(country), expectFingerprints[country]);
  }
  const verified = new Map<string, Checkpoint>();
  for (const ref of manifest.partnerCheckpoints ?? []) {
    const subject = `checkpoint ${ref.country}/${ref.size}`;
    const bytes = await ctx.read(ref.path, ref.sha256, entryCaps.checkpoint, 'foreign.checkpoint', subject);
    if (bytes === null) continue;
    const descriptor = descriptors.get(ref.country);
    if (descriptor === undefined) {
      ctx.log.fail('foreign.checkpoint', subject, `cannot be checked without the descriptor of ${ref.country}`);
      continue;
    }
    let note: string;
    try {
      note = utf8Text(bytes);
      const size = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1)).size;
      if (size !== ref.size) {
        ctx.log.fail(
          'foreign.checkpoint',
          subject,
          `${ref.path} is ${ref.country}'s checkpoint of size ${size}, not ${ref.size}`,
        );
        continue;
      }
    } catch (error) {
      ctx.log.fail('foreign.checkpoint', subject, `${ref.path} is not a checkpoint note: ${messageOf(error)}`);
      continue;
    }
    const origin = descriptorLedgerOrigin(descriptor);
    try {
      const checkpoint = openCheckpoint(
        note,
        origin,
        descriptor.keys.map((k) => k.signing.publicKey),
      );
      verified.set(partnerCheckpointKey(ref.country, ref.size), checkpoint);
      ctx.log.pass(
        'foreign.checkpoint',
        subject,
        `${ref.country}'s log "${origin}", root ${Buffer.from(checkpoint.rootHash).toString('base64')}, ` +
          `signed by a key of node ${ref.country}`,
      );
    } catch (error) {
      const why =
        isDomainError(error) && error.code === 'ledger/invalid-checkpoint'
          ? `is not of ${ref.country}'s log ("${origin}"): ${error.message}`
          : `signature does not verify with any key of node ${ref.country} (${messageOf(error)})`;
      ctx.log.fail('foreign.checkpoint', subject, why);
    }
  }
  return verified;
}

/** The sending State's descriptor must be in the bundle, and its fingerprint is the second one the court compares. */
function checkSendingState(
  ctx: VerifyContext,
  manifest: BundleManifest,
  country: string,
  descriptor: NodeDescriptor | undefined,
  expected: string | undefined,
): void {
  const subject = `node ${country}`;
  if (descriptor === undefined) {
    const listed = manifest.descriptors.some((d) => d.country === country);
    const why = listed
      ? `${bundlePaths.descriptor(country)} does not verify (see above)`
      : `the bundle does not include ${bundlePaths.descriptor(country)}`;
    ctx.log.fail(
      'foreign.checkpoint',
      subject,
      `${why}: without the descriptor of ${country}, the custody events ${country} ` +
        `recorded before sending the evidence cannot be checked`,
    );
    return;
  }
  const actual = currentKey(descriptor).signing.fingerprint;
  if (expected === undefined) {
    ctx.log.warn(
      'foreign.fingerprint',
      subject,
      `not compared: the evidence came from ${country}; check that ${actual} is ` +
        `the signing-key fingerprint ${country} published (or run with --expect-partner-fingerprint ` +
        `${country}=${actual})`,
    );
  } else if (expected === actual) {
    ctx.log.pass('foreign.fingerprint', subject, `the signing key of ${country} is ${actual}, as expected`);
  } else {
    ctx.log.fail(
      'foreign.fingerprint',
      subject,
      `the signing key of ${country} is ${actual}, not the expected ${expected}: ` +
        `${country}'s part of the custody chain may be forged`,
    );
  }
}
