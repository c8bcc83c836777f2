/**
 * The input contract of the formal-document renderer: the paper form of a cooperation
 * request or response. Whoever builds it has already signed the electronic record; the
 * renderer only lays it out, so every value here is printed as given, never interpreted.
 */

/** One text in several languages, keyed by ISO 639-1 code, e.g. { en: '…', vi: '…' }. */
export interface LocalisedText {
  readonly [language: string]: string;
}

export interface FormalDocumentField {
  readonly label: LocalisedText;
  /** A value the same in every language (a name, a reference), or one per language (a date, a category). */
  readonly value: string | LocalisedText;
  /** Printed small after the label, e.g. "UN Convention art. 42(2)(c)". */
  readonly legalSource?: string | LocalisedText;
}

export interface FormalDocumentSection {
  readonly heading: LocalisedText;
  readonly fields: readonly FormalDocumentField[];
  /** Printed small once after the fields, e.g. that the section's citations are not yet verified. */
  readonly note?: LocalisedText;
}

export interface FormalDocumentState {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly name: LocalisedText;
}

export type FormalDocumentKind = 'request' | 'response';

export interface FormalDocument {
  readonly kind: FormalDocumentKind;
  /** The title of the request type, e.g. expedited preservation. */
  readonly title: LocalisedText;
  /** e.g. "VN-2026-000042". */
  readonly reference: string;
  readonly requestingState: FormalDocumentState;
  readonly requestedState: FormalDocumentState;
  /** Prints a prominent emergency banner in every language. */
  readonly emergency: boolean;
  /** ISO-8601 UTC; also the PDF creation date, so re-rendering gives the same file. */
  readonly issuedAt: string;
  readonly issuingAuthority: string;
  readonly sections: readonly FormalDocumentSection[];
  /** The node's signing-key fingerprint, "SHA256:…". */
  readonly signingKeyFingerprint: string;
  /** Hex SHA-256 of the canonical JSON of the signed record. */
  readonly canonicalDigest: string;
  /** Encoded in the QR code, e.g. "hanoi247:verify?ref=…&digest=…&key=SHA256:…". */
  readonly verificationUri: string;
}

/**
 * Picks the text for a language. A label missing in that language falls back to English,
 * then to any language present, so a gap in a translation never blanks a printed field.
 */
export function textIn(text: LocalisedText | string, language: string): string {
  if (typeof text === 'string') return text;
  const exact = text[language];
  if (exact !== undefined && exact.trim() !== '') return exact;
  const english = text['en'];
  if (english !== undefined && english.trim() !== '') return english;
  return Object.values(text).find((candidate) => candidate.trim() !== '') ?? '';
}
