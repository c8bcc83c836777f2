import { Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../api/queries.js';
import type { Bilingual } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { ZonedTime } from '../time/ZonedTime.js';

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
  const events = [...(timeline.data ?? [])].reverse();
  const stateName = (code: string | null) =>
    code === null ? '' : states.has(code) ? pick(states.get(code) as Bilingual, i18n.language) : code;
  return (
    <MantineTimeline bulletSize={14} lineWidth={2} aria-label={t('request.timeline')}>
      {events.map((event) => {
        const key = i18n.exists(`event.${event.action}`) ? `event.${event.action}` : `desk.${event.action}Event`;
        const title = i18n.exists(key) ? t(key) : event.action;
        const note =
          typeof event.payload['note'] === 'string'
            ? event.payload['note']
            : typeof event.payload['information'] === 'string'
              ? event.payload['information']
              : null;
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
            {note !== null && (
              <Text size="sm" fs="italic">
                {note}
              </Text>
            )}
            {code !== null && (
              <Text size="sm" c="red">
                {i18n.exists(`failure.${code}`) ? t(`failure.${code}`) : t('failure.other', { code })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {event.actorName} · <ZonedTime iso={event.occurredAt} />
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
