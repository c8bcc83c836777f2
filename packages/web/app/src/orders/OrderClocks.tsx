import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DomesticOrder } from '../api/order-types.js';
import { Countdown } from '../time/Countdown.js';
import { ZonedTime } from '../time/ZonedTime.js';

type Clock = DomesticOrder['deadlines'][number];

/** The open clocks, nearest first: the provider's and the preservation lapse alike. */
export const openClocks = (order: Pick<DomesticOrder, 'deadlines'>): Clock[] =>
  order.deadlines.filter((d) => d.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));

/** A clock's name in the reader's words; a rule this version does not know still reads as its name. */
export function useClockName(): (clock: Clock) => string {
  const { t, i18n } = useTranslation();
  return (clock) => (i18n.exists(`deadlineRule.${clock.ruleId}`) ? t(`deadlineRule.${clock.ruleId}`) : clock.ruleId);
}

/** The nearest open clock as a countdown, or a dash. */
export function NextClock({ order }: { readonly order: Pick<DomesticOrder, 'deadlines'> }) {
  const name = useClockName();
  const next = openClocks(order)[0];
  if (next === undefined) return <>—</>;
  return (
    <>
      <Text span size="sm">
        {name(next)}:{' '}
      </Text>
      <Countdown dueAt={next.dueAt} />
    </>
  );
}

/** Every open clock with its due moment. */
export function OrderClocks({ order }: { readonly order: Pick<DomesticOrder, 'deadlines'> }) {
  const name = useClockName();
  const clocks = openClocks(order);
  if (clocks.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <List>
      {clocks.map((d) => (
        <List.Item key={`${d.ruleId}-${d.dueAt}`}>
          <Text size="sm">{name(d)}:</Text>
          <Countdown dueAt={d.dueAt} />{' '}
          <Text span size="sm" c="dimmed">
            (<ZonedTime iso={d.dueAt} />)
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
