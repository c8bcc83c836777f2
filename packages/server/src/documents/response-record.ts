import {
  budapestCite,
  citeLegalSource,
  conditionSources,
  groundSource,
  reasonCodeCatalogue,
  requestTypes,
  typeSource,
  unCite,
  type ConditionKind,
  type JsonValue,
} from '@hanoi247/core';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { signRecord, type SignedRequestRecord } from './request-record.js';
import type { RequestEvent } from '../repositories/request-event.repository.js';
import type { RequestRecord } from '../repositories/request.repository.js';
import type { FormalDocument, FormalDocumentField, LocalisedText } from './formal-document.js';
import { stateLanguages } from './templates.js';

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

const field = (en: string, vi: string, fr: string, value: string, legalSource?: string): FormalDocumentField => ({
  label: { en, vi, fr },
  value,
  ...(legalSource === undefined ? {} : { legalSource }),
});

/** A response goes back to the requesting State: its language first, then English. */
export function responseLanguages(request: RequestRecord): string[] {
  const own = stateLanguages[request.requestingState] ?? 'en';
  return own === 'en' ? ['en'] : [own, 'en'];
}

export function responseDocumentOf(
  request: RequestRecord,
  event: RequestEvent,
  signed: { digest: string; fingerprint: string },
  issuedAt: string,
): FormalDocument {
  const type = requestTypes[request.type];
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
      `${request.reference} — ${type.title.en}`,
      citeLegalSource(typeSource(request.type, request.legalBasis)),
    ),
    field(
      'Decision recorded',
      'Quyết định',
      'Décision',
      `${event.action}: ${event.fromState ?? ''} → ${event.toState ?? ''}`,
    ),
    field('Date', 'Ngày', 'Date', event.occurredAt),
    field('Officer', 'Cán bộ', 'Agent', event.actorName),
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
        ground === undefined ? code : `${code}: ${ground.title.en} / ${ground.title.vi}`,
        source === null ? undefined : citeLegalSource(source),
      ),
    );
  }
  if (payload.reasons !== undefined) fields.push(field('Reasons', 'Lý do', 'Motifs', payload.reasons));
  if (payload.information !== undefined) {
    fields.push(field('Information', 'Thông tin', 'Informations', payload.information));
  }
  for (const condition of payload.conditions ?? []) {
    fields.push(
      field(
        `Condition (${condition.kind})`,
        `Điều kiện sử dụng (${condition.kind})`,
        `Condition (${condition.kind})`,
        condition.text,
        citeLegalSource(conditionSources[condition.kind]),
      ),
    );
  }
  if (payload.preservedUntil !== undefined) {
    fields.push(
      field(
        'Preserved until',
        'Bảo toàn đến',
        'Conservé jusqu\u2019au',
        payload.preservedUntil,
        citeLegalSource(budapest ? budapestCite.preservation.period : unCite.preservation.period),
      ),
    );
  }
  if (payload.authorisedEnd !== undefined) {
    fields.push(field('Authorised until', 'Được phép đến', 'Autorisé jusqu\u2019au', payload.authorisedEnd));
  }
  if (payload.thirdState !== undefined) {
    fields.push(
      field(
        'Third State in the path',
        'Quốc gia thứ ba',
        'État tiers',
        payload.thirdState,
        citeLegalSource(budapest ? budapestCite.trafficPath.disclosure : unCite.trafficPath.disclosure),
      ),
    );
  }
  const title = responseTitles[event.responseKind ?? ''] ?? { en: event.action, vi: event.action };
  return {
    kind: 'response',
    title,
    reference: `${request.reference}/${event.id.slice(-8)}`,
    requestingState: { code: request.requestingState, name: { en: request.requestingState } },
    requestedState: { code: request.requestedState, name: { en: request.requestedState } },
    emergency: request.priority === 'emergency',
    issuedAt,
    issuingAuthority: request.requestedState,
    sections: [{ heading: title, fields }],
    signingKeyFingerprint: signed.fingerprint,
    canonicalDigest: signed.digest,
    verificationUri: `hanoi247:verify?ref=${encodeURIComponent(request.reference)}&event=${event.id}&digest=${signed.digest}&key=${encodeURIComponent(signed.fingerprint)}`,
  };
}
