import {
  machineFor,
  orderMachine,
  timelineLabel,
  type Bilingual,
  type LifecycleMachine,
  type RequestTypeCode,
} from '@hanoi247/core';

type Labelled<E> = E & { readonly label: Bilingual };
interface Event {
  readonly action: string;
  readonly fromState: string | null;
}

/** Each event with its words in both languages, so no page ever shows an action's code. */
const withLabels = <E extends Event>(machine: LifecycleMachine, events: readonly E[]): Labelled<E>[] =>
  events.map((event) => ({ ...event, label: timelineLabel(machine, event.action, event.fromState) }));

/** A request's events, either side's actions named by the request's machine. */
export const labelledRequestEvents = <E extends Event>(type: RequestTypeCode, events: readonly E[]): Labelled<E>[] =>
  withLabels(machineFor(type), events);

/** An order's events, the officers', the provider's and the clock's. */
export const labelledOrderEvents = <E extends Event>(events: readonly E[]): Labelled<E>[] =>
  withLabels(orderMachine, events);
