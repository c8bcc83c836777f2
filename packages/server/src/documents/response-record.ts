import {
  budapestCite,
  conditionSources,
  countryProfiles,
  machineFor,
  groundSource,
  reasonCodeCatalogue,
  requestTypes,
  typeSource,
  unCite,
  type ConditionKind,
  type JsonValue,
  type LegalSource,
} from '@hanoi247/core';
import { citeIn, withSourcesNote } from './citations.js';
import { instantIn, readableIn } from './readable-values.js';
import { conditionKindNames, everywhere, fillIn } from './record-wording.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { signRecord, type SignedRequestRecord } from './request-record.js';
import type { RequestEvent } from '../repositories/request-event.repository.js';
import type { RequestRecord } from '../repositories/request.repository.js';
import { textIn, type FormalDocument, type FormalDocumentField, type LocalisedText } from './formal-document.js';
import { stateLanguages } from './templates.js';
import { signatorySection, type Signatory } from './signatory.js';

const responseTitles: Readonly<Record<string, LocalisedText>> = {
  ACK: { en: 'Acknowledgement of receipt', vi: 'Xác nhận đã nhận yêu cầu', fr: 'Accusé de réception' },
  INFO_REQUEST: {
    en: 'Request for additional information',
    vi: 'Đề nghị bổ sung thông tin',
    fr: 'Demande d\u2019informations complémentaires',
  },
  CONSULTATION: { en: 'Consultation', vi: 'Tham vấn', fr: 'Consultation' },
  ACCEPT: { en: 'Acceptance', vi: 'Chấp nhận yêu cầu', fr: 'Acceptation' },
  ACCEPT_WITH_CONDITIONS: {
    en: 'Acceptance with conditions',
    vi: 'Chấp nhận có điều kiện',
    fr: 'Acceptation sous conditions',
  },
  PARTIAL: { en: 'Partial execution', vi: 'Thực hiện một phần', fr: 'Exécution partielle' },
  POSTPONE: { en: 'Postponement', vi: 'Hoãn thực hiện', fr: 'Report' },
  REFUSE: { en: 'Refusal', vi: 'Từ chối yêu cầu', fr: 'Refus' },
  EXECUTED: { en: 'Execution', vi: 'Đã thực hiện', fr: 'Exécution' },
  PRESERVED: {
    en: 'Confirmation of preservation',
    vi: 'Xác nhận đã bảo toàn dữ liệu',
    fr: 'Confirmation de conservation',
  },
  WARNING_ART42: { en: 'Article 42 warning', vi: 'Cảnh báo theo Điều 42', fr: 'Avertissement (article 42)' },
  ART43_DISCLOSURE: {
    en: 'Disclosure of the communication path (Art. 43)',
    vi: 'Tiết lộ đường truyền (Điều 43)',
    fr: 'Divulgation du chemin (article 43)',
  },
};

/** A response's electronic record: the decision event under the request's reference, signed by the node. */
export function signedResponseRecord(
  request: RequestRecord,
  event: RequestEvent,
  keyring: NodeKeyring,
): SignedRequestRecord {
  const record = JSON.parse(
    JSON.stringify({
      v: 1,
      reference: request.reference,
      requestingState: request.requestingState,
      requestedState: request.requestedState,
      event,
    }),
  ) as JsonValue;
  return signRecord(record, keyring);
}

const field = (
  en: string,
  vi: string,
  fr: string,
  value: string | LocalisedText,
  legalSource?: LocalisedText,
): FormalDocumentField => ({
  label: { en, vi, fr },
  value,
  ...(legalSource === undefined ? {} : { legalSource }),
});

const stateName = (code: string): LocalisedText => {
  const name = countryProfiles[code]?.name;
  return name === undefined ? { en: code } : { en: name.en, vi: name.vi };
};

/** A response goes back to the requesting State: its language first, then English. */
export function responseLanguages(request: RequestRecord): string[] {
  const own = stateLanguages[request.requestingState] ?? 'en';
  return own === 'en' ? ['en'] : [own, 'en'];
}

/** The paper form of one decision, dated when the decision was recorded, not when it is downloaded. */
export function responseDocumentOf(
  request: RequestRecord,
  event: RequestEvent,
  signed: { digest: string; fingerprint: string },
  decidedBy: Signatory,
): FormalDocument {
  const type = requestTypes[request.type];
  const machine = machineFor(request.type);
  const stateLabel = (state: string | null): LocalisedText => {
    const label = machine.states.find((s) => s.name === state)?.label;
    return label === undefined ? everywhere(state ?? '') : { en: label.en, vi: label.vi };
  };
  const actionLabel = machine.transitions.find((t) => t.action === event.action)?.label;
  const cited: LegalSource[] = [];
  const cite = (source: LegalSource): LocalisedText => {
    cited.push(source);
    return citeIn(source);
  };
  const budapest = request.legalBasis === 'BUDAPEST';
  const payload = event.payload as {
    reasonCodes?: string[];
    reasons?: string;
    information?: string;
    conditions?: { kind: ConditionKind; text: string }[];
    preservedUntil?: string;
    authorisedEnd?: string;
    thirdState?: string;
  };
  const fields: FormalDocumentField[] = [
    field(
      'Request',
      'Yêu cầu',
      'Demande',
      { en: `${request.reference} — ${type.title.en}`, vi: `${request.reference} — ${type.title.vi}` },
      cite(typeSource(request.type, request.legalBasis)),
    ),
    field(
      'Decision recorded',
      'Quyết định',
      'Décision',
      fillIn(
        { en: '{action}: {from} → {to}', vi: '{action}: {from} → {to}' },
        {
          action: actionLabel === undefined ? everywhere(event.action) : { en: actionLabel.en, vi: actionLabel.vi },
          from: stateLabel(event.fromState),
          to: stateLabel(event.toState),
        },
      ),
    ),
    field('Date', 'Ngày', 'Date', instantIn(event.occurredAt)),
  ];
  // Each ground printed with the article of the request's basis that allows it.
  for (const code of payload.reasonCodes ?? []) {
    const ground = reasonCodeCatalogue.get(code);
    const source = groundSource(code, request.type, request.legalBasis);
    fields.push(
      field(
        'Ground',
        'Căn cứ từ chối',
        'Motif',
        ground === undefined ? code : { en: ground.title.en, vi: ground.title.vi },
        source === null ? undefined : cite(source),
      ),
    );
  }
  if (payload.reasons !== undefined) fields.push(field('Reasons', 'Lý do', 'Motifs', payload.reasons));
  if (payload.information !== undefined) {
    fields.push(field('Information', 'Thông tin', 'Informations', payload.information));
  }
  for (const condition of payload.conditions ?? []) {
    const kind = conditionKindNames[condition.kind] ?? everywhere(condition.kind);
    fields.push({
      label: fillIn({ en: 'Condition ({kind})', vi: 'Điều kiện sử dụng ({kind})', fr: 'Condition ({kind})' }, { kind }),
      value: condition.text,
      legalSource: cite(conditionSources[condition.kind]),
    });
  }
  if (payload.preservedUntil !== undefined) {
    fields.push(
      field(
        'Preserved until',
        'Bảo toàn đến',
        'Conservé jusqu\u2019au',
        readableIn(payload.preservedUntil),
        cite(budapest ? budapestCite.preservation.period : unCite.preservation.period),
      ),
    );
  }
  if (payload.authorisedEnd !== undefined) {
    fields.push(
      field('Authorised until', 'Được phép đến', 'Autorisé jusqu\u2019au', readableIn(payload.authorisedEnd)),
    );
  }
  if (payload.thirdState !== undefined) {
    fields.push(
      field(
        'Third State in the path',
        'Quốc gia thứ ba',
        'État tiers',
        stateName(payload.thirdState),
        cite(budapest ? budapestCite.trafficPath.disclosure : unCite.trafficPath.disclosure),
      ),
    );
  }
  const title = responseTitles[event.responseKind ?? ''] ?? { en: event.action, vi: event.action };
  return {
    kind: 'response',
    title,
    reference: `${request.reference}/${event.id.slice(-8)}`,
    requestingState: { code: request.requestingState, name: stateName(request.requestingState) },
    requestedState: { code: request.requestedState, name: stateName(request.requestedState) },
    emergency: request.priority === 'emergency',
    issuedAt: event.occurredAt,
    issuingAuthority: textIn(stateName(request.requestedState), 'en'),
    // The officer is named once, in the signatory block, with the role they decided in.
    sections: [withSourcesNote({ heading: title, fields }, cited), signatorySection('decision', decidedBy)],
    signingKeyFingerprint: signed.fingerprint,
    canonicalDigest: signed.digest,
    verificationUri:
      `hanoi247:verify?ref=${encodeURIComponent(request.reference)}&event=${event.id}&digest=${signed.digest}` +
      `&key=${encodeURIComponent(signed.fingerprint)}`,
  };
}
