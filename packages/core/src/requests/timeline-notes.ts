import { z } from 'zod';

/**
 * What the node itself writes on a request's timeline, as a code with parameters: stored and sent to
 * partners that way, and put into words in each reader's language. Free text typed by an officer is
 * not here: it is kept as typed, with the language it was typed in.
 */
export type NoteParamKind = 'reference' | 'instant' | 'text' | 'references' | 'code';

export interface NoteDefinition {
  readonly code: string;
  readonly params: Readonly<Record<string, NoteParamKind>>;
  /** `{name}` marks where a parameter goes, already formatted for the reader. */
  readonly text: { readonly en: string; readonly vi: string; readonly fr: string };
}

const definitions = [
  {
    code: 'order.drafted',
    params: { orders: 'references' },
    text: {
      en: 'Domestic order(s) {orders} drafted from this request; awaiting authorisation',
      vi: 'Đã lập dự thảo lệnh trong nước {orders} từ yêu cầu này; chờ phê duyệt',
      fr: 'Ordonnance(s) nationale(s) {orders} rédigée(s) à partir de cette demande ; en attente d’autorisation',
    },
  },
  {
    code: 'order.served',
    params: { order: 'reference' },
    text: {
      en: 'Domestic order {order} served on the service provider',
      vi: 'Đã tống đạt lệnh trong nước {order} cho doanh nghiệp',
      fr: 'Ordonnance nationale {order} signifiée au fournisseur de services',
    },
  },
  {
    code: 'order.preservation-confirmed',
    params: { order: 'reference', until: 'instant', periodEnd: 'instant' },
    text: {
      en:
        'The service provider confirms the data preserved until {until} under domestic order {order} ' +
        '(ordered until {periodEnd})',
      vi:
        'Doanh nghiệp xác nhận đã bảo toàn dữ liệu đến {until} theo lệnh trong nước {order} ' +
        '(thời hạn lệnh đến {periodEnd})',
      fr:
        'Le fournisseur confirme la conservation des données jusqu’au {until} en vertu de l’ordonnance {order} ' +
        '(ordonnée jusqu’au {periodEnd})',
    },
  },
  {
    // Confirmations recorded before the order's period travelled with them (migrated English notes).
    code: 'order.preservation-confirmed-before-periods',
    params: { order: 'reference', until: 'instant' },
    text: {
      en: 'The service provider confirms the data preserved until {until} under domestic order {order}',
      vi: 'Doanh nghiệp xác nhận đã bảo toàn dữ liệu đến {until} theo lệnh trong nước {order}',
      fr: 'Le fournisseur confirme la conservation des données jusqu’au {until} en vertu de l’ordonnance {order}',
    },
  },
  {
    code: 'order.preservation-partial',
    params: { order: 'reference', until: 'instant', periodEnd: 'instant' },
    text: {
      en:
        'Partial confirmation: preserved only until {until}, before the end of the ordered period ({periodEnd}) ' +
        'of domestic order {order}',
      vi:
        'Xác nhận một phần: chỉ bảo toàn đến {until}, trước khi hết thời hạn lệnh ({periodEnd}) ' +
        'của lệnh trong nước {order}',
      fr:
        'Confirmation partielle : conservation jusqu’au {until} seulement, avant la fin de la période ordonnée ' +
        '({periodEnd}) de l’ordonnance {order}',
    },
  },
  {
    code: 'order.renewed',
    params: { order: 'reference', periodEnd: 'instant' },
    text: {
      en: 'Domestic order {order} renewed: preservation ordered until {periodEnd}',
      vi: 'Đã gia hạn lệnh trong nước {order}: bảo toàn đến {periodEnd}',
      fr: 'Ordonnance nationale {order} renouvelée : conservation ordonnée jusqu’au {periodEnd}',
    },
  },
  {
    code: 'order.data-not-held',
    params: { order: 'reference' },
    text: {
      en: 'The service provider addressed by domestic order {order} reports that it does not hold the data',
      vi: 'Doanh nghiệp nhận lệnh trong nước {order} báo không lưu giữ dữ liệu',
      fr: 'Le fournisseur visé par l’ordonnance {order} indique ne pas détenir les données',
    },
  },
  {
    code: 'order.data-not-held-unnamed',
    params: {},
    text: {
      en: 'The service provider reports that it does not hold the data: preservation will not ensure its availability',
      vi: 'Doanh nghiệp báo không lưu giữ dữ liệu: việc bảo toàn không bảo đảm được dữ liệu',
      fr: 'Le fournisseur indique ne pas détenir les données : la conservation n’en garantira pas la disponibilité',
    },
  },
  {
    code: 'order.production-received',
    params: { order: 'reference' },
    text: {
      en: 'The service provider produced data under domestic order {order}',
      vi: 'Doanh nghiệp đã cung cấp dữ liệu theo lệnh trong nước {order}',
      fr: 'Le fournisseur a produit des données en vertu de l’ordonnance {order}',
    },
  },
  {
    // Names stay on the node that recorded the answer; the partner learns only how it was received.
    code: 'order.answer-recorded',
    params: { channel: 'code', receivedAt: 'instant' },
    text: {
      en:
        'The provider is not on the platform: an officer recorded its answer, received ' +
        'by {channel} on {receivedAt}, with the document kept as evidence',
      vi:
        'Doanh nghiệp không dùng hệ thống: cán bộ đã ghi nhận trả lời nhận qua {channel} ngày {receivedAt}, ' +
        'văn bản được lưu làm chứng cứ',
      fr:
        'Le fournisseur n’utilise pas la plateforme : un agent a consigné sa réponse, ' +
        'reçue par {channel} le {receivedAt}, le document étant conservé comme preuve',
    },
  },
  {
    code: 'proposal.art43-third-state',
    params: {},
    text: {
      en: 'A service provider in the communication path is in this State (UN art. 43)',
      vi: 'Một doanh nghiệp trong đường truyền liên lạc ở quốc gia này (Điều 43 Công ước)',
      fr: 'Un fournisseur du chemin de la communication se trouve dans cet État (art. 43 de la Convention)',
    },
  },
] as const satisfies readonly NoteDefinition[];

export type NoteCode = (typeof definitions)[number]['code'];
export const noteCodes = definitions.map((d) => d.code) as [NoteCode, ...NoteCode[]];
export const noteCatalogue: ReadonlyMap<string, NoteDefinition> = new Map(definitions.map((d) => [d.code, d]));

/** How the channel of an answer recorded by hand is named (the `code` parameter of `order.answer-recorded`). */
export const answerChannels = ['letter', 'email', 'phone', 'fax', 'in-person'] as const;
export type AnswerChannel = (typeof answerChannels)[number];
export const answerChannelNames: Readonly<Record<AnswerChannel, { en: string; vi: string; fr: string }>> = {
  letter: { en: 'letter', vi: 'thư', fr: 'courrier' },
  email: { en: 'e-mail', vi: 'thư điện tử', fr: 'courriel' },
  phone: { en: 'telephone', vi: 'điện thoại', fr: 'téléphone' },
  fax: { en: 'fax', vi: 'fax', fr: 'télécopie' },
  'in-person': { en: 'hand delivery', vi: 'trực tiếp', fr: 'remise en main propre' },
};

const paramValue = z.union([z.string().max(400), z.array(z.string().max(80)).max(20)]);

/** A note as stored and sent: its parameters must be the ones its code declares, nothing else. */
export const timelineNoteSchema = z
  .strictObject({ code: z.enum(noteCodes), params: z.record(z.string().max(40), paramValue).default({}) })
  .superRefine((note, ctx) => {
    const declared = noteCatalogue.get(note.code)?.params ?? {};
    for (const [name, kind] of Object.entries(declared)) {
      const value = note.params[name];
      const ok = kind === 'references' ? Array.isArray(value) : typeof value === 'string';
      if (!ok) ctx.addIssue({ code: 'custom', path: ['params', name], message: `${kind} required` });
    }
    for (const name of Object.keys(note.params)) {
      if (!(name in declared)) {
        ctx.addIssue({ code: 'custom', path: ['params', name], message: 'not a parameter of this note' });
      }
    }
  });
export type TimelineNote = z.infer<typeof timelineNoteSchema>;

export type NoteLanguage = keyof NoteDefinition['text'];

/**
 * Puts a note into words. The caller formats instants for its reader (zone, locale); an unknown code
 * (a newer partner) still shows, as its code, rather than disappearing.
 */
export function renderNote(
  note: { readonly code: string; readonly params?: Readonly<Record<string, string | readonly string[]>> },
  language: NoteLanguage,
  formatInstant: (iso: string) => string,
): string {
  const definition = noteCatalogue.get(note.code);
  if (definition === undefined) return note.code;
  const params = note.params ?? {};
  return definition.text[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    const kind = definition.params[name];
    if (value === undefined || kind === undefined) return whole;
    if (Array.isArray(value)) return value.join(', ');
    if (kind === 'instant') return formatInstant(value as string);
    if (kind === 'code' && note.code === 'order.answer-recorded') {
      return answerChannelNames[value as AnswerChannel]?.[language] ?? (value as string);
    }
    return value as string;
  });
}
