import { Text, Timeline as MantineTimeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTimeline, useTimelineNotes } from '../api/queries.js';
import type { Bilingual } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { notesOf, renderNote } from './timeline-notes.js';

/** What an officer or a provider typed, kept as typed: shown with the language it was written in. */
function typedText(payload: Readonly<Record<string, unknown>>): string | null {
  for (const field of ['note', 'information', 'reasons']) {
    if (typeof payload[field] === 'string') return payload[field];
  }
  return null;
}

const machineActors = new Set(['system', 'peer', 'federation', 'order', 'node']);

/** Who acted, in words: an officer by username, the machine's own actors by what they are. */
export function actorText(actorName: string, t: TFunction): string {
  if (machineActors.has(actorName)) return t(`actor.${actorName}`);
  const partner = /^node ([A-Z]{2})$/.exec(actorName)?.[1];
  return partner === undefined ? actorName : t('actor.partnerNode', { country: partner });
}

/** Every event of the request, newest first: transitions, messages, delivery and receipts. */
export function Timeline({
  requestId,
  states,
}: {
  readonly requestId: string;
  readonly states: ReadonlyMap<string, Bilingual>;
}) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(requestId);
  const catalogue = useTimelineNotes().data;
  const events = [...(timeline.data ?? [])].reverse();
  const stateName = (code: string | null) =>
    code === null ? '' : states.has(code) ? pick(states.get(code) as Bilingual, i18n.language) : code;
  return (
    <MantineTimeline bulletSize={14} lineWidth={2} aria-label={t('request.timeline')}>
      {events.map((event) => {
        const key = i18n.exists(`event.${event.action}`) ? `event.${event.action}` : `desk.${event.action}Event`;
        // The page's own wording where it has one; else the server's label (the machine's, or the node's event).
        const title = i18n.exists(key) ? t(key) : pick(event.label, i18n.language);
        const note = typedText(event.payload);
        const typedIn = typeof event.payload['language'] === 'string' ? event.payload['language'] : null;
        const notes = notesOf(event.payload).map((n) => renderNote(n, catalogue, i18n.language));
        // A failure carries its stable code, never a raw error text: the officer reads it in their language.
        const code = typeof event.payload['code'] === 'string' ? event.payload['code'] : null;
        return (
          <MantineTimeline.Item key={event.id} title={title}>
            {event.toState !== null && (
              <Text size="sm">
                {event.fromState === null
                  ? stateName(event.toState)
                  : `${stateName(event.fromState)} → ${stateName(event.toState)}`}
              </Text>
            )}
            {notes.map((text) => (
              <Text key={text} size="sm">
                {text}
              </Text>
            ))}
            {note !== null && (
              <Text size="sm" fs="italic" lang={typedIn ?? undefined}>
                {note}
                {typedIn !== null &&
                  typedIn !== i18n.language &&
                  ` (${t('request.typedIn', { language: t(`language.${typedIn}`, { defaultValue: typedIn }) })})`}
              </Text>
            )}
            {code !== null && (
              <Text size="sm" c="red">
                {i18n.exists(`failure.${code}`) ? t(`failure.${code}`) : t('failure.other', { code })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {actorText(event.actorName, t)} · <ZonedTime iso={event.occurredAt} />
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
