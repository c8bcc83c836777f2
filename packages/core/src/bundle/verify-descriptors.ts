import { currentKey, verifyDescriptor, type NodeDescriptor } from '../federation/node-descriptor.js';
import { entryCaps, type BundleManifest } from './bundle-manifest.js';
import { messageOf, type VerifyContext } from './verify-context.js';

export interface VerifiedDescriptors {
  readonly byCountry: ReadonlyMap<string, NodeDescriptor>;
  readonly fingerprints: { readonly [country: string]: string };
  readonly exporter: NodeDescriptor | null;
}

/**
 * Each descriptor must verify as federation.md §3.2 says (self-signed by its current key, every
 * fingerprint matching its key). Self-signed is not trusted: the court anchors the exporter by
 * comparing its fingerprint with the one published out of band, or passes --expect-fingerprint.
 */
export async function verifyDescriptors(
  ctx: VerifyContext,
  manifest: BundleManifest,
  expectFingerprint: string | undefined,
): Promise<VerifiedDescriptors> {
  const byCountry = new Map<string, NodeDescriptor>();
  const fingerprints: Record<string, string> = {};
  for (const ref of manifest.descriptors) {
    const subject = `descriptor ${ref.country}`;
    const input = await ctx.readJson(ref.path, ref.sha256, entryCaps.descriptor, 'descriptor', subject);
    if (input === undefined) continue;
    try {
      const descriptor = await verifyDescriptor(input);
      if (descriptor.country !== ref.country) {
        ctx.log.fail('descriptor', subject, `${ref.path} describes node ${descriptor.country}, not ${ref.country}`);
        continue;
      }
      const fingerprint = currentKey(descriptor).signing.fingerprint;
      byCountry.set(ref.country, descriptor);
      fingerprints[ref.country] = fingerprint;
      ctx.log.pass(
        'descriptor',
        subject,
        `"${descriptor.name}" is self-signed by its current key ${fingerprint} and ` +
          `lists ${descriptor.keys.length} key generation(s)`,
      );
    } catch (error) {
      ctx.log.fail('descriptor', subject, `${ref.path} does not verify: ${messageOf(error)}`);
    }
  }

  const exporterCountry = manifest.exporter.country;
  const exporter = byCountry.get(exporterCountry) ?? null;
  const subject = `node ${exporterCountry}`;
  if (exporter === null) {
    ctx.log.fail(
      'descriptor',
      subject,
      `the exporting node's descriptor is missing or does not verify, so no signature in the bundle can be checked`,
    );
  } else {
    const actual = currentKey(exporter).signing.fingerprint;
    if (expectFingerprint === undefined) {
      ctx.log.warn(
        'descriptor.fingerprint',
        subject,
        `not compared: check that ${actual} is the signing-key fingerprint ${exporterCountry} ` +
          `published (or run with --expect-fingerprint)`,
      );
    } else if (expectFingerprint === actual) {
      ctx.log.pass('descriptor.fingerprint', subject, `the signing key is ${actual}, as expected`);
    } else {
      ctx.log.fail(
        'descriptor.fingerprint',
        subject,
        `the signing key is ${actual}, not the expected ${expectFingerprint}: the bundle may come from another node`,
      );
    }
  }
  return { byCountry, fingerprints, exporter };
}
