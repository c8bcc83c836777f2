import {
  citeLegalSource,
  DomainError,
  orderTypes,
  signOrder,
  type EndingNotice,
  type OrderCallback,
  type OrderDocument,
} from '@hanoi247/core';
import { callbackFor, ownDescriptor, type OwnIdentity } from '../federation/own-descriptor.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import type { OrderRecord } from '../repositories/order.repository.js';
import type { ProviderRecord } from '../repositories/provider.repository.js';

/** Who issues, as the node's directory entry says: the listed authority and the roster contact to call back. */
export interface OrderIssuer {
  readonly country: string;
  readonly node: string;
  readonly authority: { readonly kind: string; readonly name: string };
  readonly callback: OrderCallback;
}

export interface OrderSigner {
  /** `officer`: the username of the officer issuing an emergency order, whose own roster entry is preferred. */
  issuer(officer: string | null): Promise<OrderIssuer>;
  sign(order: OrderDocument): Promise<string>;
}

/**
 * Signs with the node's current key. The issuer is read from the node's own descriptor, so an
 * order names exactly the authority and call-back contact a provider will find in the directory.
 */
export function keyringOrderSigner(
  node: Pick<OwnIdentity, 'country' | 'name' | 'roster'>,
  keyring: () => NodeKeyring,
  now: () => Date,
): OrderSigner {
  return {
    async issuer(officer) {
      // Only the roster and authorities are read; the endpoint plays no part in an order.
      const { descriptor } = await ownDescriptor(
        { ...node, baseUrl: 'http://127.0.0.1' },
        keyring(),
        now().toISOString(),
      );
      const authority = descriptor.authorities.find((a) => a.kind === 'POC_24_7') ?? descriptor.authorities[0];
      if (authority === undefined) {
        throw new DomainError(
          'config/invalid',
          `node ${node.country} lists no authority in its descriptor, so its orders could not be verified`,
        );
      }
      return { country: descriptor.country, node: descriptor.name, authority, callback: callbackFor(node, officer) };
    },
    async sign(order) {
      const ring = keyring();
      return signOrder(order, ring.signingKey, ring.current.keyId);
    },
  };
}

export interface DocumentClocks {
  readonly acknowledgeBy: string | null;
  readonly fulfilBy: string | null;
}

/** The order exactly as the provider receives it at this revision. */
export function orderDocumentOf(
  order: OrderRecord,
  provider: ProviderRecord,
  issuer: OrderIssuer,
  officer: string,
  clocks: DocumentClocks,
  issuedAt: string,
  notice?: EndingNotice,
): OrderDocument {
  const type = orderTypes[order.type];
  if (order.servedAt === null || order.authorisedAt === null) {
    throw new DomainError('bug/invariant-violated', 'an order is signed only once authorised and served');
  }
  return {
    v: 1,
    reference: order.reference,
    orderId: order.id,
    revision: order.revision,
    type: order.type,
    title: { en: type.title.en, vi: type.title.vi },
    legalSource: citeLegalSource(type.legalSource),
    issuer: {
      country: issuer.country,
      node: issuer.node,
      authority: { kind: issuer.authority.kind, name: issuer.authority.name },
    },
    provider: { id: provider.id, legalName: provider.legalName, country: provider.country },
    authorisation: { ...order.terms.authorisation, recordedAt: order.authorisedAt },
    grounds: order.terms.grounds,
    scope: order.terms.scope,
    periods: order.periods.map((p) => ({ ...p })),
    authorisedPeriod: order.terms.authorisedPeriod,
    nonDisclosure: { required: order.terms.nonDisclosure.required, until: order.terms.nonDisclosure.until },
    emergency:
      order.emergencyJustification === null
        ? null
        : { justification: order.emergencyJustification, officer, callback: { ...issuer.callback } },
    deadlines: { acknowledgeBy: clocks.acknowledgeBy, fulfilBy: clocks.fulfilBy },
    ...(notice === undefined ? {} : { notice: { action: notice, at: issuedAt } }),
    servedAt: order.servedAt,
    issuedAt,
  };
}
