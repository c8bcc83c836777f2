import {
  custodyEventHash,
  parseCustodyLeaf,
  personalCommitment,
  type CustodyEvent,
  type CustodyPersonal,
} from '../evidence/custody-event.js';
import type { Checkpoint } from '../ledger/checkpoint.js';
import { leafHash } from '../ledger/hasher.js';
import { verifyInclusion } from '../ledger/verify-proofs.js';
import { custodyFileSchema, entryCaps, type BundleItem, type CustodyFile } from './bundle-manifest.js';
import type { CheckId } from './bundle-report.js';
import { issuesText, type VerifyContext } from './verify-context.js';
import type { ForeignLink } from './verify-foreign-custody.js';

/**
 * One item's chain of custody: each leaf is a canonical custody event of this item and its
 * hash, the first has no predecessor (or, for an item received from another State, follows that
 * State's transmission: `follows`), each links to the hash of the one before, time never runs
 * backwards, and every leaf is included in a checkpoint the node signed.
 */
export async function verifyItemCustody(
  ctx: VerifyContext,
  item: BundleItem,
  checkpoints: ReadonlyMap<number, Checkpoint>,
  listedSizes: ReadonlySet<number>,
  follows: ForeignLink | null = null,
): Promise<void> {
  const subject = `item ${item.id}`;
  const input = await ctx.readJson(
    item.custody.path,
    item.custody.sha256,
    entryCaps.custody,
    'custody.record',
    subject,
  );
  if (input === undefined) return;
  const parsed = custodyFileSchema.safeParse(input);
  if (!parsed.success) {
    ctx.log.fail(
      'custody.record',
      subject,
      `${item.custody.path} is not a custody record: ${issuesText(parsed.error.issues)}`,
    );
    return;
  }
  const file = parsed.data;
  if (file.evidenceId !== item.id) {
    ctx.log.fail('custody.record', subject, `${item.custody.path} is the record of item ${file.evidenceId}`);
    return;
  }

  const failed = new Set<CheckId>();
  const fail = (id: CheckId, what: string, message: string) => {
    failed.add(id);
    ctx.log.fail(id, what, message);
  };
  const events = new Map<string, CustodyEvent>();
  let previousHash: string | null = null;
  let previousTime: number | null = null;
  for (const [i, entry] of file.events.entries()) {
    const what = `custody event ${i + 1} of item ${item.id}`;
    const hash = custodyEventHash(entry.leaf);
    const event = parseCustodyLeaf(entry.leaf);
    if (event === null) {
      fail('custody.leaf', what, 'the leaf is not a custody event in canonical form (its text was altered)');
    } else {
      events.set(event.id, event);
      const named = `${what} (${event.type}, ${event.id})`;
      if (event.evidenceId !== item.id) fail('custody.leaf', named, `is about item ${event.evidenceId}`);
      if (event.evidenceSha256 !== item.sha256) {
        fail('custody.leaf', named, `records SHA-256 ${event.evidenceSha256}, but the item's is ${item.sha256}`);
      }
      if (i === 0 && follows === null && event.previous !== null) {
        fail(
          'custody.chain',
          named,
          `is the first event in the bundle but links to an earlier one (${event.previous}): events are missing`,
        );
      }
      if (i === 0 && follows !== null) {
        checkBorderLink(event, follows, (message) => fail('custody.chain', subject, message));
      }
      if (i > 0 && event.previous !== previousHash) {
        fail(
          'custody.chain',
          named,
          `previous-hash link broken: it links to ${String(event.previous)}, the event ` +
            `before it hashes to ${String(previousHash)}`,
        );
      }
      const time = Date.parse(event.occurredAt);
      if (Number.isNaN(time)) fail('custody.order', named, `has no valid time (${event.occurredAt})`);
      else if (previousTime !== null && time < previousTime) {
        fail('custody.order', named, `happened at ${event.occurredAt}, before the event preceding it`);
      }
      previousTime = Number.isNaN(time) ? previousTime : time;
    }
    previousHash = hash;

    const checkpoint = checkpoints.get(entry.checkpoint);
    if (checkpoint === undefined) {
      const why = listedSizes.has(entry.checkpoint)
        ? 'which did not verify (see above)'
        : 'which the bundle does not include';
      fail('custody.inclusion', what, `refers to checkpoint ${entry.checkpoint}, ${why}`);
    } else {
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
          what,
          `inclusion proof for leaf ${entry.leafIndex} does not verify against checkpoint ${entry.checkpoint}`,
        );
      }
    }
  }

  const n = file.events.length;
  const passes: [CheckId, string][] = [
    ['custody.leaf', `${n} custody event(s), each a canonical leaf about this item and SHA-256 ${item.sha256}`],
    [
      'custody.chain',
      follows === null
        ? `the chain runs unbroken from its first event (no predecessor) through all ${n} event(s)`
        : `the chain continues ${follows.country}'s transmission and runs unbroken through all ${n} event(s) here`,
    ],
    ['custody.order', 'the events are in time order'],
    [
      'custody.inclusion',
      `every event is in the ledger (inclusion proofs verify against checkpoint ` +
        `${[...new Set(file.events.map((e) => e.checkpoint))].join(', ')})`,
    ],
  ];
  for (const [id, message] of passes) if (!failed.has(id)) ctx.log.pass(id, subject, message);
  checkOpenings(ctx, item, file, events);
}

/** The exporter's first event must link to the sending State's last one: one chain across the border. */
function checkBorderLink(first: CustodyEvent, follows: ForeignLink, fail: (message: string) => void): void {
  const which = `the first local event (${first.type}, ${first.id})`;
  if (follows.lastHash === null) {
    fail(`${which} cannot be linked to ${follows.country}'s custody, whose record could not be read (see above)`);
  } else if (first.previous !== follows.lastHash) {
    const links = first.previous === null ? 'it has no predecessor' : `it links to ${first.previous}`;
    fail(
      `${which} does not follow ${follows.country}'s transmission: ${links}, ${follows.country}'s ` +
        `last event hashes to ${follows.lastHash}`,
    );
  }
}

function checkOpenings(
  ctx: VerifyContext,
  item: BundleItem,
  file: CustodyFile,
  events: ReadonlyMap<string, CustodyEvent>,
): void {
  let failed = false;
  for (const opening of file.openings) {
    const what = `personal opening of event ${opening.eventId} (item ${item.id})`;
    const event = events.get(opening.eventId);
    const fail = (message: string) => {
      failed = true;
      ctx.log.fail('custody.opening', what, message);
    };
    if (event === undefined) fail('names an event this record does not hold');
    else if (event.personalCommitment === null) fail('the event commits to no personal part');
    else if (personalCommitment(opening.salt, opening.personal as CustodyPersonal) !== event.personalCommitment) {
      fail('does not match the commitment in the event: the disclosed details are not the ones recorded');
    }
  }
  if (file.openings.length > 0 && !failed) {
    ctx.log.pass(
      'custody.opening',
      `item ${item.id}`,
      `${file.openings.length} disclosed personal part(s) match their commitments`,
    );
  }
}
