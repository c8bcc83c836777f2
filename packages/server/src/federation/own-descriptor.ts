import { countryProfiles, signDescriptor, type NodeDescriptor, type SignedDescriptor } from '@hanoi247/core';
import type { NodeKeyring } from '../identity/node-keyring.js';

export interface OwnIdentity {
  readonly country: string;
  readonly name: string;
  /** Known for sure only once the server listens (port 0 picks one). */
  baseUrl: string;
  readonly acceptsInbound?: boolean;
}

/** This node as partners see it; languages and authorities from its profile until an operator edits them. */
export async function ownDescriptor(identity: OwnIdentity, keyring: NodeKeyring, issuedAt: string): Promise<SignedDescriptor> {
  const profile = countryProfiles[identity.country];
  const descriptor: NodeDescriptor = {
    v: 1,
    country: identity.country,
    name: identity.name,
    endpoints: { base: identity.baseUrl, acceptsInbound: identity.acceptsInbound ?? true },
    keys: keyring.generations.map((g) => ({ keyId: g.keyId, createdAt: g.createdAt, retiredAt: g.retiredAt, signing: g.signing, encryption: g.encryption })),
    roster: [{ role: '24/7 duty officer', name: `${identity.name} duty desk` }],
    languages: [...(profile?.languages ?? ['en'])],
    authorities: (profile?.authorities ?? []).map((a) => ({ kind: a.kind, name: a.name })),
    reservations: (profile?.reservations ?? []).map((r) => ({ code: r.code, description: r.description })),
    issuedAt,
  };
  return signDescriptor(descriptor, keyring.signingKey);
}
