import { describe, expect, it } from 'vitest';
import { orderMachine } from '../providers/order.machine.js';
import { stateMachines } from '../requests/machines/registry.js';
import { timelineLabel } from './timeline-labels.js';

/** What the server writes on a timeline besides a machine's actions (services/*: grep `action:`). */
const nodeEvents = [
  'draft',
  'receive',
  'edit',
  'assign',
  'unassign',
  'propose-request',
  'order-drafted',
  'message-queued',
  'message-delivered',
  'delivery-failed',
  'message-not-applied',
  'evidence-ingested',
  'evidence-offered',
  'evidence-offer-failed',
  'deadline-warning',
  'deadline-breach',
  'deadline-expiry',
  'deadline-hard-stop',
  'deadline-renewal',
];

describe('the words of a timeline event', () => {
  const machines = [...Object.values(stateMachines), orderMachine];

  it('names every action of every machine, either side, by its label from the state it left', () => {
    for (const machine of machines) {
      for (const transition of machine.transitions) {
        for (const from of transition.from) {
          const exact = machine.transitions.find((t) => t.action === transition.action && t.from.includes(from));
          expect(timelineLabel(machine, transition.action, from)).toEqual(exact?.label);
        }
        expect(timelineLabel(machine, transition.action, null).en).not.toBe(transition.action);
      }
    }
  });

  it('names the node\u2019s own events in both languages, and an unforeseen one in words', () => {
    for (const action of nodeEvents) {
      const label = timelineLabel(orderMachine, action, null);
      expect(label.en, action).not.toBe('Recorded event');
      expect(label.vi, action).not.toBe('Sự kiện đã ghi nhận');
    }
    expect(timelineLabel(orderMachine, 'a-future-event', null)).toEqual({
      en: 'Recorded event',
      vi: 'Sự kiện đã ghi nhận',
    });
  });
});
