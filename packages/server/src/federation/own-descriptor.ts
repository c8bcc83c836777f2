import {
  countryProfiles,
  ownFormats,
  reservationTexts,
  signDescriptor,
  type NodeDescriptor,
  type SignedDescriptor,
} from '@hanoi247/core';
import type { RosterEntry } from '../config/config.schema.js';
import type { NodeKeyring } from '../identity/node-keyring.js';

export interface OwnIdentity {
  readonly country: string;
  readonly name: string;
  /** Known for sure only once the server listens (port 0 picks one). */
  baseUrl: string;
  readonly acceptsInbound?: boolean;
  /** The configured roster (node.roster); empty or absent: the duty desk, without a number. */
  readonly roster?: readonly RosterEntry[];
}

type PublishedEntry = NodeDescriptor['roster'][number];

/** What the directory shows of an entry: never the account it belongs to. */
const published = ({ role, name, phone, email }: RosterEntry): PublishedEntry => ({
  role,
  name,
  ...(phone === undefined ? {} : { phone }),
  ...(email === undefined ? {} : { email }),
});

export function publishedRoster(identity: Pick<OwnIdentity, 'name' | 'roster'>): PublishedEntry[] {
  const roster = identity.roster ?? [];
  return roster.length === 0
    ? [{ role: '24/7 duty officer', name: `${identity.name} duty desk` }]
    : roster.map(published);
}

/**
 * The directory entry an emergency order names for calling back: the issuing officer's own entry
 * when the roster ties one to their account, otherwise the first entry (the 24/7 desk).
 */
export function callbackFor(identity: Pick<OwnIdentity, 'name' | 'roster'>, username: string | null): PublishedEntry {
  const own = username === null ? undefined : identity.roster?.find((entry) => entry.username === username);
  return own === undefined ? (publishedRoster(identity)[0] as PublishedEntry) : published(own);
}

/**
 * This node as partners see it; languages and authorities from its profile until an operator
 * edits them. The formats it reads are announced beside it, in the signature's header.
 */
export async function ownDescriptor(
  identity: OwnIdentity,
  keyring: NodeKeyring,
  issuedAt: string,
): Promise<SignedDescriptor> {
  const profile = countryProfiles[identity.country];
  const descriptor: NodeDescriptor = {
    v: 1,
    country: identity.country,
    name: identity.name,
    endpoints: { base: identity.baseUrl, acceptsInbound: identity.acceptsInbound ?? true },
    keys: keyring.generations.map((g) => ({
      keyId: g.keyId,
      createdAt: g.createdAt,
      retiredAt: g.retiredAt,
      signing: g.signing,
      encryption: g.encryption,
    })),
    roster: publishedRoster(identity),
    languages: [...(profile?.languages ?? ['en'])],
    authorities: (profile?.authorities ?? []).map((a) => ({ kind: a.kind, name: a.name })),
    // The descriptor's wire form carries the words too, in English, for partners that do not know the code.
    reservations: (profile?.reservations ?? []).map((r) => ({
      code: r.code,
      description: reservationTexts[r.code].en,
    })),
    issuedAt,
  };
  return signDescriptor(descriptor, keyring.signingKey, ownFormats);
}
