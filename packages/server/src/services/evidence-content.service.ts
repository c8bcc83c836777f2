import { Transform, type Readable } from 'node:stream';
import { DomainError, verifyEvidenceFetch } from '@hanoi247/core';
import {
  contentChunkSize,
  encryptContent,
  itemStreamKey,
  storedContentCipher,
} from '../federation/content-stream-cipher.js';
import { trustedSigningKey } from '../federation/trust.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { evidenceRepository } from '../repositories/evidence.repository.js';
import { evidenceTransferRepository } from '../repositories/evidence-transfer.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import type { EvidenceService } from './evidence.service.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';

export interface EvidenceContentDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyOverlapDays: number;
  readonly evidence: EvidenceService;
}

/** Drops the first `count` bytes of a stream: a resumed fetch starts at a chunk boundary. */
function skipBytes(count: number): Transform {
  let left = count;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (left >= chunk.length) {
        left -= chunk.length;
        done();
        return;
      }
      const rest = chunk.subarray(left);
      left = 0;
      done(null, rest);
    },
  });
}

const notFound = () => new DomainError('evidence/not-found', 'no such offered content');

/**
 * Serves offered evidence content to the partner it was offered to, sealed with the transfer's
 * content key (docs/protocols/federation.md §9.5). Every other caller gets "not found".
 */
export function createEvidenceContentService(deps: EvidenceContentDeps) {
  const { db, clock } = deps;
  return {
    async open(
      authorization: string | undefined,
      transferId: string,
      sha256: string,
      fromChunk: number,
    ): Promise<Readable> {
      const match = /^Hanoi247-Fetch ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
      const own = deps.ownCountry();
      if (match === null || own === null) throw notFound();
      const now = clock.now();
      const keys = await peerRepository.keys(db);
      const fetch = await verifyEvidenceFetch(match[1]!, own, now, (country, keyId) =>
        trustedSigningKey(keys, country, keyId, now, deps.keyOverlapDays),
      ).catch(() => {
        throw notFound();
      });
      if (fetch.transferId !== transferId || fetch.sha256 !== sha256) throw notFound();
      const transfer = await evidenceTransferRepository.find(db, transferId, 'outgoing');
      if (transfer === undefined || transfer.country !== fetch.from || transfer.contentKey === null) throw notFound();
      const offered = transfer.offer.items.find((i) => i.sha256 === sha256);
      const item = offered === undefined ? undefined : await evidenceRepository.findById(db, offered.evidenceId);
      if (item === undefined || item.sha256 !== sha256) throw notFound();
      if (!Number.isSafeInteger(fromChunk) || fromChunk < 0 || fromChunk * contentChunkSize > item.size) {
        throw new DomainError('request/validation-failed', 'fromChunk is beyond the content');
      }
      const cipher = storedContentCipher(transfer.contentKey);
      const plain = await deps.evidence.openContent(item);
      await db.transaction().execute((tx) =>
        auditRepository.append(
          tx,
          auditEntryFor(
            deps,
            { principal: null, requestId: null },
            {
              action: 'evidence.content-served',
              objectType: 'evidence',
              objectId: item.id,
              actorType: 'system',
              actorName: `node ${fetch.from}`,
              details: { transferId, to: fetch.from, fromChunk },
            },
          ),
        ),
      );
      const sealed = encryptContent(itemStreamKey(cipher, sha256), fromChunk);
      const skipped = fromChunk === 0 ? plain : plain.pipe(skipBytes(fromChunk * contentChunkSize));
      if (skipped !== plain) plain.on('error', (error) => skipped.destroy(error));
      skipped.on('error', (error) => sealed.destroy(error));
      return skipped.pipe(sealed);
    },
  };
}

export type EvidenceContentService = ReturnType<typeof createEvidenceContentService>;
