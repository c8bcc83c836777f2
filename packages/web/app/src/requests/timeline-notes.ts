import { localTime } from '../time/format.js';

/** The node's notes as the reference API publishes them (GET /api/v1/timeline-notes). */
export interface NoteCatalogue {
  readonly notes: readonly {
    readonly code: string;
    readonly params: Readonly<Record<string, string>>;
    readonly text: Readonly<Record<string, string>>;
  }[];
  readonly channels: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface StoredNote {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | readonly string[]>>;
}

/** The notes an event carries (`notes`), and the one code of a proposal (`noteCode`). */
export function notesOf(payload: Readonly<Record<string, unknown>>): StoredNote[] {
  const listed = Array.isArray(payload['notes']) ? (payload['notes'] as unknown[]) : [];
  const notes = listed.filter(
    (n): n is StoredNote => typeof n === 'object' && n !== null && typeof (n as { code?: unknown }).code === 'string',
  );
  return typeof payload['noteCode'] === 'string' ? [...notes, { code: payload['noteCode'] }] : notes;
}

/**
 * A note in the reader's language, its instants in the reader's zone. A code this build does not know
 * (a newer partner) still shows, as its code, rather than disappearing.
 */
export function renderNote(note: StoredNote, catalogue: NoteCatalogue | undefined, language: string): string {
  const definition = catalogue?.notes.find((n) => n.code === note.code);
  const template = definition?.text[language] ?? definition?.text['en'];
  if (definition === undefined || template === undefined) return note.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = note.params?.[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(', ');
    const text = value as string;
    const kind = definition.params[name];
    if (kind === 'instant') return localTime(text, language);
    if (kind === 'code') return catalogue?.channels[text]?.[language] ?? text;
    return text;
  });
}
