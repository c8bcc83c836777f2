import { DomainError, isDomainError } from '@hanoi247/core';
import { signBundleManifest } from '@hanoi247/core';
import type { BundleExportPorts } from '../bundle/bundle-ports.js';
import type { OwnSystem } from '../evidence/custody-recorder.js';
import type { RosterEntry } from '../config/config.schema.js';
import type { OutboundHttp } from '../federation/http-transport.js';
import { ownDescriptor } from '../federation/own-descriptor.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { LedgerSequencer } from '../ledger/sequencer.js';
import { custodyEventRepository } from '../repositories/custody-event.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import { foreignCustodyRepository } from '../repositories/foreign-custody.repository.js';
import { onwardTransferRepository } from '../repositories/onward-transfer.repository.js';
import { outboxRepository } from '../repositories/outbox.repository.js';
import { partnerCheckpointRepository } from '../repositories/partner-checkpoint.repository.js';
import { peerRepository, type PeerRecord } from '../repositories/peer.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { createBundleExportService } from './bundle-export.service.js';
import { createEvidenceCustodyService } from './evidence-custody.service.js';
import type { ContentStore } from '../evidence/content-store.js';
import { createEvidenceContentService } from './evidence-content.service.js';
import { createEvidenceFetcher } from './evidence-fetcher.service.js';
import { createEvidenceOfferService } from './evidence-offer.service.js';
import type { EvidenceService } from './evidence.service.js';
import { createOnwardTransferService } from './onward-transfer.service.js';
import type { Outbox } from './outbox.service.js';
import { createPartnerCheckpointService } from './partner-checkpoint.service.js';
import type { Telemetry } from '../telemetry.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface EvidenceExchangeDeps {
  readonly runtime: ServiceRuntime;
  readonly ownCountry: () => string | null;
  readonly nodeName: string;
  /** The configured roster, so the descriptor in a bundle is the one the directory publishes. */
  readonly roster?: readonly RosterEntry[];
  readonly baseUrl: string;
  readonly keyring: () => NodeKeyring;
  readonly evidence: EvidenceService;
  readonly store: ContentStore;
  readonly ledger: LedgerService;
  readonly sequencer: LedgerSequencer;
  readonly outbox: Outbox;
  readonly federation: {
    readonly keyOverlapDays: number;
    readonly maxAttempts: number;
    readonly retryBaseSeconds: number;
    readonly retryMaxSeconds: number;
  };
  readonly wake: () => void;
  /** The one way out to partners (consistency proofs, evidence content). */
  readonly outbound: OutboundHttp;
  readonly telemetry: Telemetry;
}

/** A partner's consistency proof between two sizes of its log, over its public ledger API. */
const consistencyFetcher =
  (outbound: OutboundHttp) =>
  async (peer: PeerRecord, from: number, to: number): Promise<Uint8Array[]> => {
    const path = `/ledger/v1/proof/consistency?from=${from}&to=${to}`;
    const response = await outbound.getJson(peer.country, 'ledger-consistency', peer.baseUrl, path);
    if (response.status < 200 || response.status >= 300) {
      throw new DomainError(
        'storage/unavailable',
        `${peer.country} answered ${response.status} for a consistency proof ${from}→${to}`,
      );
    }
    const proof = (response.body as { proof?: unknown } | null)?.proof;
    if (!Array.isArray(proof) || !proof.every((p): p is string => typeof p === 'string')) {
      throw new DomainError('federation/invalid-envelope', `${peer.country} sent a malformed consistency proof`);
    }
    return proof.map((p) => Buffer.from(p, 'base64'));
  };

/**
 * Evidence between this node and others: onward-transfer authorisations (Art. 36), offers to
 * partners and the content they fetch, the fetcher for partners' offers with checkpoint
 * monitoring, and bundles for courts.
 */
export function buildEvidenceExchange(deps: EvidenceExchangeDeps) {
  const { runtime, keyring, ledger, sequencer, evidence } = deps;
  const { db, clock } = runtime;
  const system = (): OwnSystem => {
    const country = deps.ownCountry();
    if (country === null) {
      throw new DomainError(
        'config/invalid',
        'this node\u2019s country is not configured (node.country, HANOI247_COUNTRY or --country)',
      );
    }
    return { country, node: deps.nodeName };
  };
  const onwardTransfer = createOnwardTransferService(runtime);
  const partnerCheckpoints = createPartnerCheckpointService({
    ...runtime,
    fetchConsistency: consistencyFetcher(deps.outbound),
  });

  const bundlePorts = async (): Promise<BundleExportPorts<EvidenceRecord>> => {
    const own = system();
    return {
      node: { country: own.country, name: own.node },
      clock,
      ids: runtime.ids,
      evidence: {
        item: async (id) => (await evidenceRepository.findById(db, id)) ?? null,
        itemIdsOfRequest: async (requestId) =>
          (await evidenceRepository.listForRequest(db, requestId, 1000)).map((i) => i.id),
        openContent: (item) => evidence.openContent(item),
        custody: (evidenceId) => custodyEventRepository.forEvidence(db, evidenceId),
      },
      foreign: {
        leaves: (evidenceId) => foreignCustodyRepository.forEvidence(db, evidenceId),
        checkpoints: async (country, size) =>
          (await partnerCheckpointRepository.atSize(db, country, size)).map((c) => ({
            note: c.note,
            rootHash: c.rootHash,
          })),
      },
      ledger: {
        leafIndexOf: (kind, refId) => ledger.leafIndexOf(kind, refId),
        latestCheckpoint: async () => {
          try {
            const latest = await ledger.latestCheckpoint();
            return { size: latest.treeSize, note: latest.note };
          } catch (error) {
            if (isDomainError(error) && error.code === 'ledger/empty') return null;
            throw error;
          }
        },
        inclusionProof: async (index, size) =>
          (await ledger.inclusionProof(index, size)).proof.map((p) => Buffer.from(p, 'base64')),
      },
      receipts: {
        deliveredMessages: async (requestId) =>
          (await outboxRepository.deliveredForRequest(db, requestId)).flatMap((m) =>
            m.receipt === null || m.envelopeDigest === null
              ? []
              : [
                  {
                    messageId: m.messageId,
                    partner: m.toCountry,
                    messageType: m.type,
                    envelopeDigest: m.envelopeDigest,
                    receipt: m.receipt,
                  },
                ],
          ),
      },
      descriptors: {
        own: async () =>
          JSON.stringify(
            await ownDescriptor(
              { country: own.country, name: own.node, baseUrl: deps.baseUrl, roster: deps.roster ?? [] },
              keyring(),
              clock.now().toISOString(),
            ),
          ),
        partner: async (country) => (await peerRepository.find(db, country))?.signedDescriptor ?? null,
      },
      requests: {
        summary: async (requestId) => {
          const r = await requestRepository.findById(db, requestId);
          return r === undefined
            ? null
            : {
                id: r.id,
                reference: r.reference,
                type: r.type,
                requestingState: r.requestingState,
                requestedState: r.requestedState,
              };
        },
      },
      authorisations: {
        find: async (evidenceId, destination) =>
          (await onwardTransferRepository.forEvidence(db, evidenceId)).find((a) => a.destination === destination) ??
          null,
      },
      signManifest: (bytes) => signBundleManifest(bytes, keyring().signingKey, keyring().current.keyId),
    };
  };

  return {
    onwardTransfer,
    partnerCheckpoints,
    evidenceOffers: createEvidenceOfferService({
      ...runtime,
      system,
      outbox: deps.outbox,
      sequencer,
      ledger,
      onwardTransfer,
      wake: deps.wake,
    }),
    evidenceContent: createEvidenceContentService({
      ...runtime,
      ownCountry: deps.ownCountry,
      keyOverlapDays: deps.federation.keyOverlapDays,
      evidence,
    }),
    evidenceFetcher: createEvidenceFetcher({
      ...runtime,
      ownCountry: deps.ownCountry,
      keyring,
      ingest: evidence.ingest,
      store: deps.store,
      checkpoints: partnerCheckpoints,
      ...deps.federation,
      outbound: deps.outbound,
      telemetry: deps.telemetry,
    }),
    evidenceCustody: createEvidenceCustodyService({ ...runtime, system, store: deps.store }),
    bundles: createBundleExportService({ ...runtime, system, ports: bundlePorts, ledger, sequencer, onwardTransfer }),
  };
}
