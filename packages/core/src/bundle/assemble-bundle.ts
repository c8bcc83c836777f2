import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { CustodyPersonal } from '../evidence/custody-event.js';
import { sanitiseFilename, type EvidenceMetadataInput } from '../evidence/evidence-metadata.js';
import {
  bundleFormat,
  bundleManifestSchema,
  bundlePaths,
  caseUcoPath,
  custodyFileSchema,
  foreignCustodyFileSchema,
  type BundleManifest,
  type BundleManifestInput,
  type BundleRequestSummary,
  type CustodyFile,
  type ForeignCustodyFile,
} from './bundle-manifest.js';
import { caseUcoJsonLd } from './case-uco.js';

export interface CustodyProofInput {
  readonly leafIndex: number;
  /** The leaf text exactly as the ledger hashed it. */
  readonly leaf: string;
  /** Tree size of the checkpoint the proof is against. */
  readonly checkpoint: number;
  readonly proof: readonly Uint8Array[];
}

export interface PersonalOpening {
  readonly eventId: string;
  readonly salt: string;
  readonly personal: CustodyPersonal;
}

/** The custody an item had in the State that sent it, as the exporter received it. */
export interface ForeignCustodyInput {
  readonly country: string;
  /** Tree size of the sending State's checkpoint the proofs are against (one of BundleInput.partnerCheckpoints). */
  readonly checkpoint: number;
  /** The sender's leaves, oldest first, ending with its transmission to the exporter. */
  readonly events: readonly {
    readonly leafIndex: number;
    readonly leaf: string;
    readonly proof: readonly Uint8Array[];
  }[];
}

export interface BundleItemInput {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly sha256: string;
  readonly mediaType: string;
  readonly metadata: EvidenceMetadataInput;
  /** In chain order, first event first. */
  readonly custody: readonly CustodyProofInput[];
  readonly openings: readonly PersonalOpening[];
  /** Only for an item received from another State: the chain before its first event here. */
  readonly foreignCustody?: ForeignCustodyInput;
}

export interface BundleInput {
  readonly id: string;
  readonly createdAt: string;
  readonly exporter: { readonly country: string; readonly node: string };
  readonly destination: string | null;
  readonly request: BundleRequestSummary | null;
  readonly items: readonly BundleItemInput[];
  /** Signed checkpoint notes (C2SP signed-note text). */
  readonly checkpoints: readonly { readonly size: number; readonly note: string }[];
  /** Sending States' signed checkpoint notes, as received, that the items' foreign custody is proved in. */
  readonly partnerCheckpoints?: readonly { readonly country: string; readonly size: number; readonly note: string }[];
  readonly consistency: readonly {
    readonly from: number;
    readonly to: number;
    readonly proof: readonly Uint8Array[];
  }[];
  readonly receipts: readonly {
    readonly messageId: string;
    readonly partner: string;
    readonly messageType: string;
    readonly envelopeDigest: string;
    readonly jws: string;
  }[];
  /** Signed descriptors as JSON text exactly as served: their signature covers the canonical form of what was sent. */
  readonly descriptors: readonly { readonly country: string; readonly json: string }[];
}

export interface AssembledBundle {
  readonly manifest: BundleManifest;
  /** The exact bytes of manifest.json, which the exporting node signs. */
  readonly manifestBytes: Buffer;
  /** Every small entry other than the manifest and its signature, by path. */
  readonly records: ReadonlyMap<string, Buffer>;
  /** Distinct content files, streamed in by the writer from the evidence store. */
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly size: number }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');
const jsonBytes = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/**
 * Lays out a bundle (docs/protocols/bundle.md §2): every record at the path its content
 * dictates, the manifest listing each with its SHA-256, the CASE/UCO annex derived from them.
 * Pure: the caller gathered the data, and streams the file contents and the signature itself.
 */
export function assembleBundle(input: BundleInput): AssembledBundle {
  const records = new Map<string, Buffer>();
  const custodyFiles = new Map<string, CustodyFile>();
  const foreignFiles = new Map<string, ForeignCustodyFile>();
  const partnerSizes = new Set((input.partnerCheckpoints ?? []).map((c) => `${c.country}/${c.size}`));
  const files = new Map<string, { path: string; sha256: string; size: number }>();
  const items: BundleManifestInput['items'] = input.items.map((item) => {
    const custody = custodyFileSchema.parse({
      v: 1,
      evidenceId: item.id,
      events: item.custody.map((e) => ({
        leafIndex: e.leafIndex,
        leaf: e.leaf,
        checkpoint: e.checkpoint,
        proof: e.proof.map(base64),
      })),
      openings: item.openings.map((o) => ({ eventId: o.eventId, salt: o.salt, personal: o.personal })),
    });
    custodyFiles.set(item.id, custody);
    const bytes = jsonBytes(custody);
    records.set(bundlePaths.custody(item.id), bytes);
    files.set(item.sha256, { path: bundlePaths.file(item.sha256), sha256: item.sha256, size: item.size });
    const foreign =
      item.foreignCustody === undefined
        ? undefined
        : foreignCustodyEntry(item.id, item.foreignCustody, partnerSizes, records, foreignFiles);
    return {
      id: item.id,
      filename: sanitiseFilename(item.filename),
      size: item.size,
      sha256: item.sha256,
      mediaType: item.mediaType,
      metadata: item.metadata,
      path: bundlePaths.file(item.sha256),
      custody: { path: bundlePaths.custody(item.id), sha256: sha256(bytes) },
      ...(foreign === undefined ? {} : { foreignCustody: foreign }),
    };
  });
  const listed = (path: string, bytes: Buffer) => {
    records.set(path, bytes);
    return { path, sha256: sha256(bytes) };
  };
  // Version 1 whenever it suffices, so bundles of a node's own evidence stay readable by version 1 verifiers.
  const foreignCustody = foreignFiles.size > 0;
  const draft: BundleManifestInput = {
    format: bundleFormat,
    v: foreignCustody ? 2 : 1,
    id: input.id,
    createdAt: input.createdAt,
    exporter: input.exporter,
    destination: input.destination,
    request: input.request,
    items,
    checkpoints: [...input.checkpoints]
      .sort((a, b) => a.size - b.size)
      .map((c) => ({ size: c.size, ...listed(bundlePaths.checkpoint(c.size), Buffer.from(c.note, 'utf8')) })),
    consistency: input.consistency.map((c) => ({ from: c.from, to: c.to, proof: c.proof.map(base64) })),
    receipts: input.receipts.map((r) => ({
      messageId: r.messageId,
      partner: r.partner,
      messageType: r.messageType,
      envelopeDigest: r.envelopeDigest,
      ...listed(bundlePaths.receipt(r.messageId), Buffer.from(`${r.jws}\n`, 'utf8')),
    })),
    descriptors: input.descriptors.map((d) => ({
      country: d.country,
      ...listed(bundlePaths.descriptor(d.country), Buffer.from(d.json, 'utf8')),
    })),
    annexes: [],
    ...(foreignCustody
      ? {
          partnerCheckpoints: [...(input.partnerCheckpoints ?? [])]
            .sort((a, b) => a.country.localeCompare(b.country) || a.size - b.size)
            .map((c) => ({
              country: c.country,
              size: c.size,
              ...listed(bundlePaths.partnerCheckpoint(c.country, c.size), Buffer.from(c.note, 'utf8')),
            })),
        }
      : {}),
  };
  const checked = bundleManifestSchema.safeParse(draft);
  if (!checked.success) {
    throw new DomainError('bug/invariant-violated', 'the bundle manifest would not be valid', {
      issues: checked.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
    });
  }
  const annex = jsonBytes(caseUcoJsonLd(checked.data, custodyFiles, foreignFiles));
  records.set(caseUcoPath, annex);
  const manifest: BundleManifest = {
    ...checked.data,
    annexes: [{ path: caseUcoPath, sha256: sha256(annex), mediaType: 'application/ld+json' }],
  };
  return { manifest, manifestBytes: jsonBytes(manifest), records, files: [...files.values()] };
}

/** Writes custody/<id>.<COUNTRY>.json and returns the manifest's reference to it. */
function foreignCustodyEntry(
  evidenceId: string,
  foreign: ForeignCustodyInput,
  partnerSizes: ReadonlySet<string>,
  records: Map<string, Buffer>,
  foreignFiles: Map<string, ForeignCustodyFile>,
): { country: string; checkpoint: number; path: string; sha256: string } {
  // A chain proved in a checkpoint the bundle does not carry could never verify: that is the caller's bug.
  if (!partnerSizes.has(`${foreign.country}/${foreign.checkpoint}`)) {
    throw new DomainError(
      'bug/invariant-violated',
      `item ${evidenceId}: ${foreign.country}'s checkpoint ${foreign.checkpoint} is not among the partner checkpoints`,
    );
  }
  const file = foreignCustodyFileSchema.parse({
    v: 1,
    evidenceId,
    country: foreign.country,
    events: foreign.events.map((e) => ({ leafIndex: e.leafIndex, leaf: e.leaf, proof: e.proof.map(base64) })),
  });
  foreignFiles.set(evidenceId, file);
  const path = bundlePaths.foreignCustody(evidenceId, foreign.country);
  const bytes = jsonBytes(file);
  records.set(path, bytes);
  return { country: foreign.country, checkpoint: foreign.checkpoint, path, sha256: sha256(bytes) };
}
