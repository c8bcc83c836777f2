/**
 * The English sentences earlier versions wrote on request timelines, and the note codes that replace
 * them (core's timeline-notes catalogue). Kept apart from the migration so each pattern is tested.
 * A payload that matches nothing is left as it was: it was typed by an officer.
 */
type Payload = Record<string, unknown>;

const references = (list: string): string[] =>
  list
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);

const patterns: readonly {
  readonly field: 'note' | 'information';
  readonly pattern: RegExp;
  readonly note: (m: RegExpExecArray) => { code: string; params: Record<string, string | string[]> };
}[] = [
  {
    field: 'note',
    pattern: /^Domestic order\(s\) (.+)$/,
    note: (m) => ({ code: 'order.drafted', params: { orders: references(m[1]!) } }),
  },
  {
    field: 'note',
    pattern: /^Domestic order (\S+) renewed until (\S+)$/,
    note: (m) => ({ code: 'order.renewed', params: { order: m[1]!, periodEnd: m[2]! } }),
  },
  {
    field: 'information',
    pattern:
      /^The service provider addressed by domestic order (\S+) reports that it does not hold the data \(DATA_NOT_HELD\)\.$/,
    note: (m) => ({ code: 'order.data-not-held', params: { order: m[1]! } }),
  },
  {
    field: 'information',
    pattern:
      /^The service provider reports that it does not hold the data: preservation will not ensure its availability\.$/,
    note: () => ({ code: 'order.data-not-held-unnamed', params: {} }),
  },
];

/** Returns the payload with its English note replaced by a coded one, or null when nothing matched. */
export function noteFromEnglish(payload: Payload): Payload | null {
  if (payload['reason'] === 'a service provider in the communication path is in this State (UN art. 43)') {
    const { reason: _reason, ...rest } = payload;
    return { ...rest, noteCode: 'proposal.art43-third-state' };
  }
  const preserved =
    typeof payload['note'] === 'string'
      ? /^Preserved by the service provider under domestic order (\S+?):?(?: (.*))?$/s.exec(payload['note'])
      : null;
  if (preserved !== null) {
    const { note: _note, ...rest } = payload;
    const until = typeof payload['preservedUntil'] === 'string' ? payload['preservedUntil'] : undefined;
    // What was preserved is the provider's own words; they stay, as typed text.
    const what = preserved[2]?.trim();
    return {
      ...rest,
      ...(what === undefined || what === '' ? {} : { information: what }),
      notes: [
        until === undefined
          ? { code: 'order.served', params: { order: preserved[1]! } }
          : { code: 'order.preservation-confirmed-before-periods', params: { order: preserved[1]!, until } },
      ],
    };
  }
  for (const { field, pattern, note } of patterns) {
    const text = payload[field];
    if (typeof text !== 'string') continue;
    const match = pattern.exec(text);
    if (match === null) continue;
    const { [field]: _removed, ...rest } = payload;
    return { ...rest, notes: [note(match)] };
  }
  return null;
}
