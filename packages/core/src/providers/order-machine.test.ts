import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { clock, dayMs, drafter, orderSnapshot, provider, supervisor, t0 } from './order.fixtures.js';
import { orderStates, orderTransitions, orderTransitionsFor, type OrderSide } from './order.machine.js';
import { orderTypeCodes, orderTypes, type OrderTypeCode } from './order-types.js';
import type { OrderActor, OrderPayload, OrderSnapshot } from './order-snapshot.js';
import { planOrderTransition } from './plan-order-transition.js';

const actors: Record<OrderSide, OrderActor> = { officer: supervisor, provider, system: clock };
const period = {
  n: 0,
  start: t0.toISOString(),
  end: new Date(t0.getTime() + 90 * dayMs).toISOString(),
  renewedBy: null,
};

/** A payload that satisfies every guard of an action, written per action rather than derived. */
function payloadFor(action: string): OrderPayload {
  switch (action) {
    case 'confirm-preservation':
      return { preservedUntil: period.end, preservedWhat: 'Subscriber record and login IP log of the account' };
    case 'object':
      return { reasonCode: 'DATA_NOT_HELD', note: 'The account was deleted in 2025' };
    case 'amend':
    case 'enforce':
      return { note: 'Scope narrowed to the login IP log' };
    default:
      return {};
  }
}

function attempt(type: OrderTypeCode, state: string, action: string, side: OrderSide): string | DomainError {
  const order: OrderSnapshot = orderSnapshot({
    type,
    state,
    periods: orderTypes[type].kind === 'preservation' ? [period] : [],
  });
  try {
    return planOrderTransition(order, action, payloadFor(action), actors[side], t0).to;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe.each(orderTypeCodes)('%s: the whole order machine', (type) => {
  const kind = orderTypes[type].kind;
  const mine = orderTransitions.filter((t) => t.kinds.includes(kind));

  it('performs every listed transition, by its side, into its declared state', () => {
    const failures: string[] = [];
    for (const t of mine) {
      for (const from of t.from) {
        const result = attempt(type, from, t.action, t.by);
        if (result !== (t.to ?? from)) {
          failures.push(
            `${t.action} from ${from}: ${typeof result === 'string' ? `landed in ${result}` : result.message}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every action by a side that does not own it, and every action from a state that lacks it', () => {
    const actions = [...new Set(orderTransitions.map((t) => t.action)), 'no-such-action'];
    const wrong: string[] = [];
    for (const state of orderStates.map((s) => s.name)) {
      for (const side of ['officer', 'provider', 'system'] as const) {
        const allowed = new Set(orderTransitionsFor(kind, state, side).map((t) => t.action));
        for (const action of actions.filter((a) => !allowed.has(a))) {
          const result = attempt(type, state, action, side);
          if (!(result instanceof DomainError && result.code === 'order/illegal-transition')) {
            wrong.push(`${side} ${action} from ${state}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets nothing leave a terminal state except by no one', () => {
    for (const terminal of orderStates.filter((s) => s.terminal)) {
      for (const side of ['officer', 'provider', 'system'] as const) {
        expect(orderTransitionsFor(kind, terminal.name, side)).toEqual([]);
      }
    }
  });
});

describe('who may act', () => {
  it('keeps the provider to its own side: it can neither authorise, serve nor withdraw', () => {
    for (const [state, action] of [
      ['CREATED', 'authorise'],
      ['AUTHORISED', 'serve'],
      ['SERVED', 'withdraw'],
    ] as const) {
      const refused = attempt('PRESERVE_25', state, action, 'provider');
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('order/illegal-transition');
    }
  });

  it('requires the authorising permission to authorise, renew and refer for enforcement', () => {
    const duty: OrderActor = { ...drafter, userId: 'another-duty-officer' };
    for (const [state, action, payload] of [
      ['CREATED', 'authorise', {}],
      ['PRESERVED', 'renew', {}],
      ['REVIEW', 'enforce', { note: 'refused without grounds' }],
    ] as const) {
      expect(() => planOrderTransition(orderSnapshot({ state, periods: [period] }), action, payload, duty, t0)).toThrow(
        expect.objectContaining({ code: 'auth/forbidden' }) as Error,
      );
    }
  });

  it('lets a duty officer serve, release and withdraw', () => {
    expect(planOrderTransition(orderSnapshot({ state: 'AUTHORISED' }), 'serve', {}, drafter, t0).to).toBe('SERVED');
    expect(
      planOrderTransition(orderSnapshot({ state: 'PRESERVED', periods: [period] }), 'release', {}, drafter, t0).to,
    ).toBe('RELEASED');
    expect(planOrderTransition(orderSnapshot({ state: 'ACKNOWLEDGED' }), 'withdraw', {}, drafter, t0).to).toBe(
      'WITHDRAWN',
    );
  });

  it('gives every state and transition a label in both languages', () => {
    for (const item of [...orderStates, ...orderTransitions]) {
      expect(item.label.en.length).toBeGreaterThan(2);
      expect(item.label.vi.length).toBeGreaterThan(2);
      expect(item.label.vi).not.toBe(item.label.en);
    }
  });
});
