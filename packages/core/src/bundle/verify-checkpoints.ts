import type { NodeDescriptor } from '../federation/node-descriptor.js';
import { parseCheckpoint, type Checkpoint } from '../ledger/checkpoint.js';
import { descriptorLedgerOrigin } from '../ledger/log-identity.js';
import { openNote } from '../ledger/signed-note.js';
import { verifyConsistency } from '../ledger/verify-proofs.js';
import { entryCaps, type BundleManifest } from './bundle-manifest.js';
import { utf8Text } from './bundle-source.js';
import { messageOf, type VerifyContext } from './verify-context.js';

/**
 * Checkpoints are C2SP signed notes whose key name is the checkpoint's origin line, signed by
 * one of the exporting node's signing keys (any generation: rotation keeps old ones). The
 * origin must be the exporting node's log (ledger.md: derived from its descriptor). Every
 * checkpoint must be consistent with the newest one, so all the proofs describe one log.
 * Returns the checkpoints that may be used for inclusion proofs, by tree size.
 */
export async function verifyCheckpoints(
  ctx: VerifyContext,
  manifest: BundleManifest,
  exporter: NodeDescriptor | null,
): Promise<Map<number, Checkpoint>> {
  const signed = new Map<number, Checkpoint>();
  const country = manifest.exporter.country;
  for (const ref of manifest.checkpoints) {
    const subject = `checkpoint ${ref.size}`;
    const bytes = await ctx.read(ref.path, ref.sha256, entryCaps.checkpoint, 'checkpoint.signature', subject);
    if (bytes === null) continue;
    let note: string;
    let checkpoint: Checkpoint;
    try {
      note = utf8Text(bytes);
      const split = note.lastIndexOf('\n\n');
      checkpoint = parseCheckpoint(note.slice(0, split + 1));
    } catch (error) {
      ctx.log.fail('checkpoint.signature', subject, `${ref.path} is not a checkpoint note: ${messageOf(error)}`);
      continue;
    }
    if (checkpoint.size !== ref.size) {
      ctx.log.fail(
        'checkpoint.signature',
        subject,
        `${ref.path} is a checkpoint of size ${checkpoint.size}, not ${ref.size}`,
      );
      continue;
    }
    if (exporter === null) {
      ctx.log.fail('checkpoint.signature', subject, `cannot be checked without the descriptor of node ${country}`);
      continue;
    }
    const expectedOrigin = descriptorLedgerOrigin(exporter);
    if (checkpoint.origin !== expectedOrigin) {
      ctx.log.fail(
        'checkpoint.signature',
        subject,
        `belongs to log "${checkpoint.origin}", not to the log of node ${country} ("${expectedOrigin}")`,
      );
      continue;
    }
    try {
      openNote(
        note,
        exporter.keys.map((k) => ({ name: checkpoint.origin, publicKey: k.signing.publicKey })),
      );
    } catch (error) {
      ctx.log.fail(
        'checkpoint.signature',
        subject,
        `signature does not verify with any key of node ${country} (${messageOf(error)})`,
      );
      continue;
    }
    ctx.log.pass(
      'checkpoint.signature',
      subject,
      `log "${checkpoint.origin}", root ${Buffer.from(checkpoint.rootHash).toString('base64')}, ` +
        `signed by a key of node ${country}`,
    );
    signed.set(ref.size, checkpoint);
  }
  return checkConsistency(ctx, manifest, signed);
}

function checkConsistency(
  ctx: VerifyContext,
  manifest: BundleManifest,
  signed: Map<number, Checkpoint>,
): Map<number, Checkpoint> {
  const sizes = [...signed.keys()].sort((a, b) => a - b);
  const newestSize = sizes.at(-1);
  if (newestSize === undefined) return signed;
  const newest = signed.get(newestSize)!;
  const usable = new Map<number, Checkpoint>([[newestSize, newest]]);
  for (const size of sizes.slice(0, -1)) {
    const older = signed.get(size)!;
    const subject = `checkpoint ${size}`;
    if (older.origin !== newest.origin) {
      ctx.log.fail(
        'checkpoint.consistency',
        subject,
        `belongs to log "${older.origin}", the newest checkpoint to "${newest.origin}"`,
      );
      continue;
    }
    const entry = manifest.consistency.find((c) => c.from === size && c.to === newestSize);
    if (entry === undefined) {
      ctx.log.fail(
        'checkpoint.consistency',
        subject,
        `the bundle has no consistency proof from size ${size} to the newest checkpoint ${newestSize}`,
      );
      continue;
    }
    const proof = entry.proof.map((p) => Buffer.from(p, 'base64'));
    if (!verifyConsistency(size, newestSize, older.rootHash, newest.rootHash, proof)) {
      ctx.log.fail(
        'checkpoint.consistency',
        subject,
        `the consistency proof to checkpoint ${newestSize} does not verify: the log was rewritten between them`,
      );
      continue;
    }
    ctx.log.pass(
      'checkpoint.consistency',
      subject,
      `is a prefix of checkpoint ${newestSize} (consistency proof verifies)`,
    );
    usable.set(size, older);
  }
  if (sizes.length === 1) {
    ctx.log.pass(
      'checkpoint.consistency',
      `checkpoint ${newestSize}`,
      'the only checkpoint: every proof is against it',
    );
  }
  return usable;
}
