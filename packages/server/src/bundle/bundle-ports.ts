import type { Readable } from 'node:stream';
import type { BundleRequestSummary, Clock, EvidenceMetadata, OnwardTransferStatus } from '@hanoi247/core';
import type { StoredCustodyEvent } from '../repositories/custody-event.repository.js';
import type { ForeignCustodyLeaf } from '../repositories/foreign-custody.repository.js';

/**
 * What the bundle exporter needs from the rest of the node, as small ports: the composition
 * root wires the real repositories and services; tests wire memory. Each port answers
 * questions; none writes. Recording the export (custody events, audit) is the caller's job.
 */

/** The fields of an evidence item the exporter reads (an EvidenceRecord has them all). */
export interface ExportableItem {
  readonly id: string;
  readonly requestId: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly filename: string;
  readonly metadata: EvidenceMetadata;
  readonly originCountry: string;
  readonly onwardTransfer: OnwardTransferStatus;
  readonly erasedAt: string | null;
}

export interface EvidenceSource<Item extends ExportableItem = ExportableItem> {
  item(id: string): Promise<Item | null>;
  /** The items attached to a request, oldest first. */
  itemIdsOfRequest(requestId: string): Promise<readonly string[]>;
  /** The item's content, streamed; it must error at its end if the content fails its SHA-256. */
  openContent(item: Item): Promise<Readable>;
  /** The item's custody events in chain order (custodyEventRepository.forEvidence). */
  custody(evidenceId: string): Promise<readonly StoredCustodyEvent[]>;
}

/**
 * For an item this node received: the custody it had in the State that sent it, as checked on
 * receipt (foreign_custody_events), and that State's checkpoints (partner_checkpoints), so a
 * bundle carries the whole chain across the border.
 */
export interface ForeignCustodySource {
  /**
   * The sending State's custody leaves of the item, oldest first, with their proofs; empty for the node's own evidence.
   */
  leaves(evidenceId: string): Promise<readonly ForeignCustodyLeaf[]>;
  /**
   * The sending State's signed notes of that tree size as received, with their roots (hex): more than one only after a
   * split view.
   */
  checkpoints(
    country: string,
    treeSize: number,
  ): Promise<readonly { readonly note: string; readonly rootHash: string }[]>;
}

export interface LedgerProofSource {
  /** The index the sequencer gave a leaf, or null while it waits in ledger_pending. */
  leafIndexOf(kind: 'custody', refId: string): Promise<number | null>;
  /** The newest signed checkpoint: its tree size and the C2SP signed note as stored. */
  latestCheckpoint(): Promise<{ readonly size: number; readonly note: string } | null>;
  /** RFC 9162 inclusion proof of a leaf in the tree of the given size, leaf side first. */
  inclusionProof(leafIndex: number, treeSize: number): Promise<readonly Uint8Array[]>;
}

/** A message of the request the partner acknowledged with its signed receipt. */
export interface DeliveredMessage {
  readonly messageId: string;
  /** The partner that received it and signed the receipt. */
  readonly partner: string;
  readonly messageType: string;
  /** SHA-256 hex of the exact bytes sent (outbox.envelope_digest). */
  readonly envelopeDigest: string;
  /** The receipt JWS as received (outbox.receipt). */
  readonly receipt: string;
}

export interface ReceiptSource {
  /** Delivered messages of the request that carry a receipt, in sending order. */
  deliveredMessages(requestId: string): Promise<readonly DeliveredMessage[]>;
}

export interface DescriptorSource {
  /** This node's signed descriptor `{ descriptor, signature }`, as JSON text. */
  own(): Promise<string>;
  /** A pinned partner's signed descriptor exactly as received (peers.signed_descriptor), or null. */
  partner(country: string): Promise<string | null>;
}

export interface RequestSource {
  /** Ids, reference, type and the two States only: nothing personal leaves in the summary. */
  summary(requestId: string): Promise<BundleRequestSummary | null>;
}

/** Art. 36: the origin State's recorded consent to pass an item on to a third State. */
export interface OnwardTransferAuthorisations {
  find(evidenceId: string, destinationCountry: string): Promise<{ readonly reference: string } | null>;
}

export interface BundleExportPorts<Item extends ExportableItem = ExportableItem> {
  readonly node: { readonly country: string; readonly name: string };
  readonly clock: Clock;
  /** UUIDs for bundle ids (lower-case). */
  readonly ids: () => string;
  readonly evidence: EvidenceSource<Item>;
  readonly foreign: ForeignCustodySource;
  readonly ledger: LedgerProofSource;
  readonly receipts: ReceiptSource;
  readonly descriptors: DescriptorSource;
  readonly requests: RequestSource;
  readonly authorisations: OnwardTransferAuthorisations;
  /**
   * Signs the manifest bytes with the node's current key: signBundleManifest(bytes, keyring.signingKey,
   * keyring.current.keyId).
   */
  readonly signManifest: (manifestBytes: Uint8Array) => Promise<string>;
}
