import {
  assembleBundle,
  DomainError,
  toUtcIso,
  type BundleItemInput,
  type BundleManifest,
  type BundleRequestSummary,
  type FieldIssue,
  type PersonalOpening,
} from '@hanoi247/core';
import type { BundleExportPorts, ExportableItem } from './bundle-ports.js';
import { writeBundle, type WrittenBundle } from './bundle-writer.js';
import { foreignCustodyOf } from './foreign-custody-export.js';

export interface BundleExportInput {
  /** Export the items of this request, with its delivery receipts. */
  readonly requestId?: string;
  /** Export these items (besides the request's, if both are given). */
  readonly evidenceIds?: readonly string[];
  /** The State the bundle goes to; null for this State's own authorities. */
  readonly destinationCountry: string | null;
  /** Include the personal openings (actor names, notes) of the custody events. */
  readonly disclosePersonal: boolean;
  readonly outputPath: string;
}

export interface BundleExportResult {
  readonly manifest: BundleManifest;
  readonly written: WrittenBundle;
  /** The Art. 36 authorisations the export relied on, for the custody events the caller records. */
  readonly authorisations: readonly { readonly evidenceId: string; readonly reference: string }[];
}

/**
 * Gathers what a court needs to verify the items offline (content, custody leaves with their
 * inclusion proofs against the newest signed checkpoint, the request's receipts, descriptors;
 * for an item received from another State also that State's custody leaves, its checkpoint
 * and its descriptor, so the chain is verified across the border),
 * refuses what the Convention forbids (onward transfer without the origin State's consent), and
 * writes the zip. Reads only; the caller records the export in custody and audit.
 */
export async function exportBundle<Item extends ExportableItem>(
  ports: BundleExportPorts<Item>,
  input: BundleExportInput,
): Promise<BundleExportResult> {
  const ids = [
    ...new Set([
      ...(input.requestId === undefined ? [] : await ports.evidence.itemIdsOfRequest(input.requestId)),
      ...(input.evidenceIds ?? []),
    ]),
  ];
  if (ids.length === 0) {
    throw new DomainError('bundle/nothing-to-export', 'name a request with evidence, or evidence items');
  }
  let request: BundleRequestSummary | null = null;
  if (input.requestId !== undefined) {
    request = await ports.requests.summary(input.requestId);
    if (request === null) throw new DomainError('request/not-found', `no request ${input.requestId}`);
  }

  const items: Item[] = [];
  for (const id of ids) {
    const item = await ports.evidence.item(id);
    if (item === null) throw new DomainError('evidence/not-found', `no evidence item ${id}`);
    if (item.erasedAt !== null) {
      throw new DomainError(
        'bundle/item-erased',
        `evidence item ${id} was erased on ${item.erasedAt}; it cannot be exported`,
      );
    }
    items.push(item);
  }
  const authorisations = await checkOnwardTransfer(ports, items, input.destinationCountry);

  const checkpoint = await ports.ledger.latestCheckpoint();
  if (checkpoint === null) {
    throw new DomainError(
      'bundle/custody-not-checkpointed',
      'the ledger has no signed checkpoint yet; export again after the next one',
    );
  }
  const itemInputs: BundleItemInput[] = [];
  const partnerCheckpoints = new Map<string, { country: string; size: number; note: string }>();
  for (const item of items) {
    const foreign = await foreignCustodyOf(ports.foreign, item.id);
    if (foreign !== null) {
      partnerCheckpoints.set(`${foreign.checkpoint.country}/${foreign.checkpoint.size}`, foreign.checkpoint);
    }
    itemInputs.push({
      ...(await itemInput(ports, item, checkpoint.size, input.disclosePersonal)),
      ...(foreign === null ? {} : { foreignCustody: foreign.custody }),
    });
  }

  const messages = input.requestId === undefined ? [] : await ports.receipts.deliveredMessages(input.requestId);
  const senders = new Set([...partnerCheckpoints.values()].map((c) => c.country));
  const partners = [...new Set([...messages.map((m) => m.partner), ...senders])]
    .filter((c) => c !== ports.node.country)
    .sort();
  const descriptors = [{ country: ports.node.country, json: await ports.descriptors.own() }];
  for (const country of partners) {
    const json = await ports.descriptors.partner(country);
    // Without a sender's descriptor its part of the chain could never verify: refuse rather than write a bundle that
    // fails.
    if (json === null && senders.has(country)) {
      throw new DomainError(
        'federation/unknown-peer',
        `the descriptor of ${country}, which sent evidence in this bundle, is not ` +
          `held: its custody there could not be verified`,
      );
    }
    // Without a receipt partner's, the court is told the receipt cannot be verified; the export still goes ahead.
    if (json !== null) descriptors.push({ country, json });
  }

  const assembled = assembleBundle({
    id: ports.ids(),
    createdAt: toUtcIso(ports.clock.now()),
    exporter: { country: ports.node.country, node: ports.node.name },
    destination: input.destinationCountry,
    request,
    items: itemInputs,
    checkpoints: [checkpoint],
    partnerCheckpoints: [...partnerCheckpoints.values()],
    consistency: [],
    receipts: messages.map((m) => ({
      messageId: m.messageId,
      partner: m.partner,
      messageType: m.messageType,
      envelopeDigest: m.envelopeDigest,
      jws: m.receipt,
    })),
    descriptors,
  });
  const bySha = new Map(items.map((item) => [item.sha256, item]));
  const written = await writeBundle(
    {
      assembled,
      manifestSignature: await ports.signManifest(assembled.manifestBytes),
      openContent: (sha256) => ports.evidence.openContent(bySha.get(sha256)!),
    },
    input.outputPath,
  );
  return { manifest: assembled.manifest, written, authorisations };
}

/**
 * Art. 36: evidence another State provided goes to a third State only with that State's recorded
 * authorisation. Back to the origin State, or to this State's own authorities, needs none.
 * Every refused item is named at once, so the officer can ask for all consents together.
 */
async function checkOnwardTransfer<Item extends ExportableItem>(
  ports: BundleExportPorts<Item>,
  items: readonly Item[],
  destination: string | null,
): Promise<{ evidenceId: string; reference: string }[]> {
  const used: { evidenceId: string; reference: string }[] = [];
  const refused: FieldIssue[] = [];
  if (destination === null || destination === ports.node.country) return used;
  for (const item of items) {
    if (item.onwardTransfer !== 'origin-authorisation-required' || item.originCountry === destination) continue;
    const authorisation = await ports.authorisations.find(item.id, destination);
    if (authorisation === null) {
      refused.push({
        path: `/evidence/${item.id}`,
        message:
          `provided by ${item.originCountry}; ${item.originCountry} has not authorised ` +
          `its transfer to ${destination}`,
      });
    } else used.push({ evidenceId: item.id, reference: authorisation.reference });
  }
  if (refused.length > 0) {
    throw new DomainError(
      'evidence/onward-transfer-not-authorised',
      `${refused.length} item(s) may not go to ${destination} without the authorisation ` +
        `of the State that provided them (Art. 36)`,
      { issues: refused },
    );
  }
  return used;
}

async function itemInput<Item extends ExportableItem>(
  ports: BundleExportPorts<Item>,
  item: Item,
  treeSize: number,
  disclosePersonal: boolean,
): Promise<BundleItemInput> {
  const events = await ports.evidence.custody(item.id);
  if (events.length === 0) {
    throw new DomainError('bug/invariant-violated', `evidence item ${item.id} has no custody event`);
  }
  const custody: BundleItemInput['custody'][number][] = [];
  const openings: PersonalOpening[] = [];
  for (const stored of events) {
    const leafIndex = await ports.ledger.leafIndexOf('custody', stored.event.id);
    if (leafIndex === null || leafIndex >= treeSize) {
      throw new DomainError(
        'bundle/custody-not-checkpointed',
        `custody event ${stored.event.id} of item ${item.id} is not yet in a signed ` +
          `checkpoint; export again after the next one`,
      );
    }
    custody.push({
      leafIndex,
      leaf: stored.leafData,
      checkpoint: treeSize,
      proof: await ports.ledger.inclusionProof(leafIndex, treeSize),
    });
    if (disclosePersonal && stored.personal !== null && stored.salt !== null) {
      openings.push({ eventId: stored.event.id, salt: stored.salt, personal: stored.personal });
    }
  }
  return {
    id: item.id,
    filename: item.filename,
    size: item.size,
    sha256: item.sha256,
    mediaType: item.mediaType,
    metadata: item.metadata,
    custody,
    openings,
  };
}
