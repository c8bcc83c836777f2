import type { NodeDescriptor } from '../federation/node-descriptor.js';
import { ed25519PublicKey } from '../federation/keys.js';
import { verifyReceipt } from '../federation/receipt.js';
import { entryCaps, type BundleManifest } from './bundle-manifest.js';
import { utf8Text } from './bundle-source.js';
import type { VerifyContext } from './verify-context.js';

/**
 * Delivery receipts (federation.md §6) are signed by the partner that received each message,
 * so they verify only with the partner's descriptor. Without it a receipt is reported as
 * present but unverifiable: a warning, since the exporter cannot sign for its partner.
 */
export async function verifyReceipts(
  ctx: VerifyContext,
  manifest: BundleManifest,
  descriptors: ReadonlyMap<string, NodeDescriptor>,
): Promise<void> {
  for (const ref of manifest.receipts) {
    const subject = `receipt ${ref.messageId}`;
    const bytes = await ctx.read(ref.path, ref.sha256, entryCaps.receipt, 'receipt', subject);
    if (bytes === null) continue;
    let jws: string;
    try {
      jws = utf8Text(bytes).trim();
    } catch {
      ctx.log.fail('receipt', subject, `${ref.path} is not UTF-8 text`);
      continue;
    }
    const partner = descriptors.get(ref.partner);
    if (partner === undefined) {
      ctx.log.warn(
        'receipt',
        subject,
        `present, not verifiable without the descriptor of ${ref.partner} (message ${ref.messageType})`,
      );
      continue;
    }
    let receipt;
    try {
      // Any generation the partner lists: the receipt was signed with its key of the day.
      receipt = await verifyReceipt(jws, (kid) => {
        const key = partner.keys.find((k) => k.keyId === kid);
        return key === undefined ? null : ed25519PublicKey(key.signing.publicKey);
      });
    } catch {
      ctx.log.fail('receipt', subject, `signature does not verify with any key of node ${ref.partner}`);
      continue;
    }
    const mismatches = [
      receipt.messageId === ref.messageId ? null : `it is for message ${receipt.messageId}`,
      receipt.from === ref.partner ? null : `it was issued by ${receipt.from}, not ${ref.partner}`,
      receipt.to === manifest.exporter.country
        ? null
        : `it acknowledges a message to ${receipt.to}, not from ${manifest.exporter.country}`,
      receipt.envelopeDigest === ref.envelopeDigest
        ? null
        : `it acknowledges bytes with SHA-256 ${receipt.envelopeDigest}, the manifest says ${ref.envelopeDigest}`,
    ].filter((m): m is string => m !== null);
    if (mismatches.length > 0) {
      ctx.log.fail(
        'receipt',
        subject,
        `signed by ${ref.partner} but does not match the manifest: ${mismatches.join('; ')}`,
      );
    } else {
      ctx.log.pass(
        'receipt',
        subject,
        `${ref.partner} acknowledged message ${ref.messageType} (SHA-256 ${ref.envelopeDigest}) ` +
          `at ${receipt.receivedAt}`,
      );
    }
  }
}
