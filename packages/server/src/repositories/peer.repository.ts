import type { NodeDescriptor } from '@hanoi247/core';
import type { Executor, PeersTable } from '../db/database-schema.js';

export interface PeerRecord {
  readonly country: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly signedDescriptor: string;
  readonly pinnedFingerprint: string;
  readonly status: 'active' | 'removed';
  readonly addedAt: string;
  readonly updatedAt: string;
}

export interface PeerKeyRecord {
  readonly country: string;
  readonly keyId: string;
  readonly signingPublicKey: string;
  readonly encryptionPublicKey: string;
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

const toRecord = (row: PeersTable): PeerRecord => ({
  country: row.country,
  name: row.name,
  baseUrl: row.base_url,
  signedDescriptor: row.signed_descriptor,
  pinnedFingerprint: row.pinned_fingerprint,
  status: row.status,
  addedAt: row.added_at,
  updatedAt: row.updated_at,
});

/** The pinned directory of partner nodes: the trust anchors of federation. */
export const peerRepository = {
  async upsert(db: Executor, peer: PeerRecord): Promise<void> {
    await db
      .insertInto('peers')
      .values({
        country: peer.country,
        name: peer.name,
        base_url: peer.baseUrl,
        signed_descriptor: peer.signedDescriptor,
        pinned_fingerprint: peer.pinnedFingerprint,
        status: peer.status,
        added_at: peer.addedAt,
        updated_at: peer.updatedAt,
      })
      .onConflict((oc) =>
        oc.column('country').doUpdateSet({
          name: peer.name,
          base_url: peer.baseUrl,
          signed_descriptor: peer.signedDescriptor,
          pinned_fingerprint: peer.pinnedFingerprint,
          status: peer.status,
          updated_at: peer.updatedAt,
        }),
      )
      .execute();
  },

  async find(db: Executor, country: string): Promise<PeerRecord | undefined> {
    const row = await db.selectFrom('peers').selectAll().where('country', '=', country).executeTakeFirst();
    return row && toRecord(row);
  },

  async list(db: Executor): Promise<PeerRecord[]> {
    return (await db.selectFrom('peers').selectAll().orderBy('country').execute()).map(toRecord);
  },

  async setStatus(db: Executor, country: string, status: 'active' | 'removed', at: string): Promise<void> {
    await db.updateTable('peers').set({ status, updated_at: at }).where('country', '=', country).execute();
  },

  /**
   * Records the descriptor's keys. A key first seen as already retired is not trusted: only
   * a key that was current while pinned keeps its overlap after rotation. A key the partner
   * no longer lists (a reinstalled node) is forgotten: neither trusted nor encrypted to.
   */
  async recordKeys(db: Executor, descriptor: NodeDescriptor): Promise<void> {
    const known = new Set(
      (await db.selectFrom('peer_keys').select('key_id').where('country', '=', descriptor.country).execute()).map(
        (r) => r.key_id,
      ),
    );
    const dropped = [...known].filter((keyId) => !descriptor.keys.some((k) => k.keyId === keyId));
    if (dropped.length > 0) {
      await db
        .deleteFrom('peer_keys')
        .where('country', '=', descriptor.country)
        .where('key_id', 'in', dropped)
        .execute();
    }
    for (const key of descriptor.keys) {
      if (known.has(key.keyId)) {
        await db
          .updateTable('peer_keys')
          .set({ retired_at: key.retiredAt })
          .where('country', '=', descriptor.country)
          .where('key_id', '=', key.keyId)
          .execute();
      } else if (key.retiredAt === null) {
        await db
          .insertInto('peer_keys')
          .values({
            country: descriptor.country,
            key_id: key.keyId,
            signing_public_key: key.signing.publicKey,
            encryption_public_key: key.encryption.publicKey,
            created_at: key.createdAt,
            retired_at: null,
          })
          .execute();
      }
    }
  },

  async keys(db: Executor): Promise<PeerKeyRecord[]> {
    const rows = await db
      .selectFrom('peer_keys')
      .innerJoin('peers', 'peers.country', 'peer_keys.country')
      .selectAll('peer_keys')
      .where('peers.status', '=', 'active')
      .execute();
    return rows.map((r) => ({
      country: r.country,
      keyId: r.key_id,
      signingPublicKey: r.signing_public_key,
      encryptionPublicKey: r.encryption_public_key,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    }));
  },
};
