import {
  canonicalJson,
  sha256Hex,
  countryProfiles,
  fieldSource,
  requestTypes,
  typeSource,
  unCite,
  type JsonValue,
} from '@hanoi247/core';
import { sign } from 'node:crypto';
import type { NodeKeyring } from '../identity/node-keyring.js';
import type { RequestRecord } from '../repositories/request.repository.js';
import { citeIn, withSourcesNote } from './citations.js';
import { textIn, type FormalDocument, type FormalDocumentField, type LocalisedText } from './formal-document.js';
import { readableIn } from './readable-values.js';
import { legalBasisNames, priorityNames } from './record-wording.js';
import { notYetApproved, signatorySection, type Signatory } from './signatory.js';

/** The electronic record a paper copy points to: canonical JSON, its digest and the node's signature. */
export interface SignedRequestRecord {
  readonly record: JsonValue;
  readonly canonical: string;
  readonly digest: string;
  readonly signature: {
    readonly alg: 'EdDSA';
    readonly keyId: string;
    readonly fingerprint: string;
    readonly value: string;
  };
}

/** Canonical JSON, its SHA-256 and the node's Ed25519 signature: every signed record is made here. */
export function signRecord(record: JsonValue, keyring: NodeKeyring): SignedRequestRecord {
  const canonical = canonicalJson(record);
  const value = sign(null, Buffer.from(canonical, 'utf8'), keyring.signingKey).toString('base64url');
  return {
    record,
    canonical,
    digest: sha256Hex(canonical),
    signature: { alg: 'EdDSA', keyId: keyring.current.keyId, fingerprint: keyring.current.signing.fingerprint, value },
  };
}

export function signedRequestRecord(request: RequestRecord, keyring: NodeKeyring): SignedRequestRecord {
  const record: JsonValue = {
    v: 1,
    reference: request.reference,
    type: request.type,
    legalBasis: request.legalBasis,
    requestingState: request.requestingState,
    requestedState: request.requestedState,
    priority: request.priority,
    emergencyJustification: request.emergencyJustification,
    language: request.language,
    details: request.details as JsonValue,
    state: request.state,
    createdAt: request.createdAt,
    version: request.version,
  };
  return signRecord(record, keyring);
}

const stateName = (code: string): LocalisedText => localised(countryProfiles[code]?.name ?? { en: code, vi: code });
/** Interfaces with fixed keys do not widen to an index signature on their own. */
const localised = (text: { readonly en: string; readonly vi: string }): LocalisedText => ({ en: text.en, vi: text.vi });

/**
 * The paper form of a request. Its date is the time the record was last changed, so two
 * downloads of the same record print the same document. It closes with the approving officer,
 * or says in words that no one on this node has approved it.
 */
export function formalDocumentOf(
  request: RequestRecord,
  signed: SignedRequestRecord,
  approval: Signatory | null,
): FormalDocument {
  const type = requestTypes[request.type];
  const shown = type.fields.filter((f) => request.details[f.name] !== undefined);
  const fieldSources = shown.map((f) => fieldSource(f, request.legalBasis));
  const fields: FormalDocumentField[] = shown.map((f, index) => ({
    label: localised(f.label),
    value: readableIn(request.details[f.name]),
    legalSource: citeIn(fieldSources[index] ?? type.legalSource),
  }));
  const issuingAuthority = textIn(
    readableIn(
      request.details['requestingAuthority'] ??
        request.details['seekingAuthority'] ??
        request.details['requestingAgency'] ??
        request.requestingState,
    ),
    'en',
  );
  const basisSource = typeSource(request.type, request.legalBasis);
  const basisSources = [basisSource, ...(request.emergencyJustification === null ? [] : [unCite.definitions.article])];
  return {
    kind: 'request',
    title: localised(type.title),
    reference: request.reference,
    requestingState: { code: request.requestingState, name: stateName(request.requestingState) },
    requestedState: { code: request.requestedState, name: stateName(request.requestedState) },
    emergency: request.priority === 'emergency',
    issuedAt: request.updatedAt,
    issuingAuthority,
    sections: [
      withSourcesNote(
        {
          heading: {
            en: 'Legal basis and priority',
            vi: 'Căn cứ pháp lý và mức độ ưu tiên',
            fr: 'Base juridique et priorité',
          },
          fields: [
            {
              label: { en: 'Legal basis', vi: 'Căn cứ pháp lý', fr: 'Base juridique' },
              value: legalBasisNames[request.legalBasis],
              legalSource: citeIn(basisSource),
            },
            {
              label: { en: 'Priority', vi: 'Mức độ ưu tiên', fr: 'Priorité' },
              value: priorityNames[request.priority] ?? request.priority,
            },
            ...(request.emergencyJustification === null
              ? []
              : [
                  {
                    label: {
                      en: 'Emergency: risk to life or safety',
                      vi: 'Khẩn cấp: nguy cơ đối với tính mạng, an toàn',
                      fr: 'Urgence',
                    },
                    value: request.emergencyJustification,
                    legalSource: citeIn(unCite.definitions.article),
                  },
                ]),
          ],
        },
        basisSources,
      ),
      withSourcesNote({ heading: localised(type.title), fields }, fieldSources),
      signatorySection('approval', approval, notYetApproved[request.direction]),
    ],
    signingKeyFingerprint: signed.signature.fingerprint,
    canonicalDigest: signed.digest,
    verificationUri:
      `hanoi247:verify?ref=${encodeURIComponent(request.reference)}&digest=${signed.digest}` +
      `&key=${encodeURIComponent(signed.signature.fingerprint)}`,
  };
}
