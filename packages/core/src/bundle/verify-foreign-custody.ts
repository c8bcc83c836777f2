import { custodyEventHash, parseCustodyLeaf } from '../evidence/custody-event.js';
import { leafHash } from '../ledger/hasher.js';
import { verifyInclusion } from '../ledger/verify-proofs.js';
import { entryCaps, foreignCustodyFileSchema, type BundleItem, type BundleManifest } from './bundle-manifest.js';
import type { CheckId } from './bundle-report.js';
import { issuesText, type VerifyContext } from './verify-context.js';
import { partnerCheckpointKey, type PartnerCheckpoints } from './verify-partner-checkpoints.js';

/** Where the exporter's part of an item's chain must start: right after the sending State's transmission. */
export interface ForeignLink {
  readonly country: string;
  /**
   * Event hash of the sender's last leaf, or null when its record could not be read (the link then cannot be checked).
   */
  readonly lastHash: string | null;
}

/**
 * The part of an item's chain recorded in the State that sent it (bundle.md §5 step 8a): each
 * leaf a canonical custody event recorded by that State about content with the item's SHA-256,
 * the first without predecessor, each linked to the one before, in time order, every one in
 * the sending State's signed checkpoint, and the last its transmission to the exporter. The
 * sender's clock is not the exporter's, so time order is not compared across the border.
 */
export async function verifyForeignCustody(
  ctx: VerifyContext,
  manifest: BundleManifest,
  item: BundleItem,
  checkpoints: PartnerCheckpoints,
): Promise<ForeignLink | null> {
  const foreign = item.foreignCustody;
  if (foreign === undefined) return null;
  const { country, checkpoint: size } = foreign;
  const subject = `item ${item.id}`;
  const unread = { country, lastHash: null };
  const input = await ctx.readJson(foreign.path, foreign.sha256, entryCaps.custody, 'custody.record', subject);
  if (input === undefined) return unread;
  const parsed = foreignCustodyFileSchema.safeParse(input);
  if (!parsed.success) {
    ctx.log.fail(
      'custody.record',
      subject,
      `${foreign.path} is not a record of ${country}'s custody: ${issuesText(parsed.error.issues)}`,
    );
    return unread;
  }
  const file = parsed.data;
  if (file.evidenceId !== item.id || file.country !== country) {
    ctx.log.fail(
      'custody.record',
      subject,
      `${foreign.path} is the record of ${file.country}'s custody of item ${file.evidenceId}`,
    );
    return unread;
  }

  const failed = new Set<CheckId>();
  const fail = (id: CheckId, message: string) => {
    failed.add(id);
    ctx.log.fail(id, subject, message);
  };
  const checkpoint = checkpoints.get(partnerCheckpointKey(country, size));
  if (checkpoint === undefined) {
    const listed = (manifest.partnerCheckpoints ?? []).some((c) => c.country === country && c.size === size);
    fail(
      'custody.inclusion',
      `the custody events ${country} recorded are proved in ${country}'s checkpoint ` +
        `${size}, ${listed ? 'which did not verify (see above)' : 'which the bundle does not include'}`,
    );
  }
  let previousHash: string | null = null;
  let previousTime: number | null = null;
  let senderItem: string | null = null;
  for (const [i, entry] of file.events.entries()) {
    const what = `the sender's custody event ${i + 1} (${country})`;
    const event = parseCustodyLeaf(entry.leaf);
    if (event === null) {
      fail('custody.leaf', `${what} is not a custody event in canonical form (its text was altered)`);
    } else {
      const named = `the sender's custody event ${i + 1} (${country}, ${event.type})`;
      senderItem ??= event.evidenceId;
      if (event.system.country !== country) {
        fail('custody.leaf', `${named} was recorded by ${event.system.country}, not by ${country}`);
      }
      if (event.evidenceId !== senderItem) {
        fail(
          'custody.leaf',
          `${named} is about item ${event.evidenceId} at ${country}, the events before it about ${senderItem}`,
        );
      }
      if (event.evidenceSha256 !== item.sha256) {
        fail('custody.leaf', `${named} records SHA-256 ${event.evidenceSha256}, but the item's is ${item.sha256}`);
      }
      if (i === 0 && event.previous !== null) {
        fail(
          'custody.chain',
          `${named} links to an earlier event (${event.previous}) that the bundle ` +
            `does not include: the chain before it cannot be checked`,
        );
      }
      if (i > 0 && event.previous !== previousHash) {
        fail(
          'custody.chain',
          `${named}: previous-hash link broken: it links to ${String(event.previous)}, ` +
            `the event before it hashes to ${String(previousHash)}`,
        );
      }
      const time = Date.parse(event.occurredAt);
      if (Number.isNaN(time)) fail('custody.order', `${named} has no valid time (${event.occurredAt})`);
      else if (previousTime !== null && time < previousTime) {
        fail('custody.order', `${named} happened at ${event.occurredAt}, before the event preceding it`);
      }
      previousTime = Number.isNaN(time) ? previousTime : time;
    }
    previousHash = custodyEventHash(entry.leaf);
    if (checkpoint !== undefined) {
      const proof = entry.proof.map((p) => Buffer.from(p, 'base64'));
      if (
        !verifyInclusion(
          leafHash(Buffer.from(entry.leaf, 'utf8')),
          entry.leafIndex,
          checkpoint.size,
          proof,
          checkpoint.rootHash,
        )
      ) {
        fail(
          'custody.inclusion',
          `${what} is not in ${country}'s signed checkpoint ${size}: the inclusion ` +
            `proof for leaf ${entry.leafIndex} does not verify`,
        );
      }
    }
  }
  const last = parseCustodyLeaf(file.events.at(-1)!.leaf);
  // How the evidence left the sending State, and to whom: the hinge of the cross-border chain.
  if (last !== null && (last.type !== 'transmitted' || last.details['to'] !== manifest.exporter.country)) {
    const to = last.details['to'];
    const said =
      last.type === 'transmitted'
        ? `its transmission to ${typeof to === 'string' ? to : 'no named State'}`
        : `"${last.type}"`;
    fail(
      'custody.chain',
      `${country}'s last custody event is ${said}, not a transmission to ${manifest.exporter.country}: ` +
        `the bundle does not show the evidence leaving ${country} for ${manifest.exporter.country}`,
    );
  }

  const n = file.events.length;
  const passes: [CheckId, string][] = [
    [
      'custody.leaf',
      `${n} custody event(s) recorded by ${country} before sending it, each a ` +
        `canonical leaf about SHA-256 ${item.sha256}`,
    ],
    [
      'custody.chain',
      `${country}'s chain runs unbroken from its first event (no predecessor) ` +
        `to its transmission to ${manifest.exporter.country}`,
    ],
    ['custody.order', `${country}'s events are in time order`],
    [
      'custody.inclusion',
      `every event ${country} recorded is in ${country}'s ledger (inclusion proofs ` +
        `verify against its signed checkpoint ${size})`,
    ],
  ];
  for (const [id, message] of passes) if (!failed.has(id)) ctx.log.pass(id, subject, message);
  return { country, lastHash: previousHash };
}
