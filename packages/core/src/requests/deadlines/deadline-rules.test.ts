import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../../auth/roles.js';
import { citeLegalSource } from '../legal-source.js';
import { machineFor } from '../machines/registry.js';
import { snapshot } from '../request.fixtures.js';
import { requestTypeCodes, type RequestTypeCode } from '../request-type-codes.js';
import { requestTypes } from '../types/registry.js';
import { deadlineRuleById, deadlineRules, defaultDeadlineSettings, type DeadlineRule } from './deadline-rules.js';

const typesOf = (rule: DeadlineRule): readonly RequestTypeCode[] =>
  rule.appliesTo === 'all' ? requestTypeCodes : rule.appliesTo;
const actionsOf = (type: RequestTypeCode) => new Set(machineFor(type).transitions.map((t) => t.action));
const rules = deadlineRules.map((r) => [r.id, r] as const);

describe('the deadline rules', () => {
  it('have unique ids, all reachable by id', () => {
    expect(new Set(deadlineRules.map((r) => r.id)).size).toBe(deadlineRules.length);
    for (const rule of deadlineRules) expect(deadlineRuleById.get(rule.id)).toBe(rule);
  });

  it('use the node settings of brief §4 by default: 1 h urgent, 24 h standard, 24 h written confirmation', () => {
    expect(defaultDeadlineSettings).toEqual({
      acknowledgeUrgentHours: 1,
      acknowledgeStandardHours: 24,
      writtenConfirmationHours: 24,
    });
  });

  it('cover exactly these clocks', () => {
    expect(deadlineRules.map((r) => `${r.id}:${r.kind}:${r.direction}`)).toEqual([
      'acknowledge-urgent:sla:incoming',
      'acknowledge-standard:sla:incoming',
      'written-confirmation:sla:outgoing',
      'preservation-period:expiry:both',
      'authorised-collection-end:hard-stop:incoming',
      'deadline-sought:sla:incoming',
    ]);
  });

  it('pick exactly one acknowledgement clock for any incoming request (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...requestTypeCodes), fc.boolean(), fc.boolean(), (type, emergency, urgent) => {
        const request = snapshot({ type, state: 'RECEIVED', direction: 'incoming', emergency, urgent });
        const picked = deadlineRules.filter(
          (r) => r.startOn.includes('receive') && r.id.startsWith('acknowledge-') && (r.applies?.(request) ?? true),
        );
        expect(picked.map((r) => r.id)).toEqual([emergency || urgent ? 'acknowledge-urgent' : 'acknowledge-standard']);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe.each(rules)('the %s rule against the state machines', (_id, rule) => {
  it('is started by a creation or by an action of the machine of every type it applies to', () => {
    for (const type of typesOf(rule)) {
      for (const action of rule.startOn) {
        if (action !== 'receive') expect(actionsOf(type), `${action} on ${type}`).toContain(action);
      }
    }
  });

  it('is closed and suspended only by actions that exist, and can be closed on every type', () => {
    const everywhere = new Set(typesOf(rule).flatMap((type) => [...actionsOf(type)]));
    for (const action of [...rule.closeOn, ...(rule.suspendOn ?? [])]) expect(everywhere, action).toContain(action);
    for (const type of typesOf(rule)) {
      expect(
        rule.closeOn.some((a) => actionsOf(type).has(a)),
        type,
      ).toBe(true);
    }
  });

  it('performs a system transition of every machine it applies to, which also closes it', () => {
    if (rule.kind === 'expiry' || rule.kind === 'hard-stop') {
      expect(rule.systemAction).toBeDefined();
      expect(rule.closeOn).toContain(rule.systemAction);
      for (const type of typesOf(rule)) {
        const system = machineFor(type)
          .transitions.filter((t) => t.by === 'system')
          .map((t) => t.action);
        expect(system, type).toContain(rule.systemAction);
      }
    } else {
      expect(rule.systemAction).toBeUndefined();
    }
  });

  it('reads a due date only from details the types it applies to can carry', () => {
    if (typeof rule.due === 'object' && 'details' in rule.due) {
      const field = rule.due.details;
      for (const type of typesOf(rule)) {
        expect(
          requestTypes[type].fields.map((f) => f.name),
          type,
        ).toContain(field);
      }
    }
  });

  it('escalates to a role and cites its source', () => {
    expect(roles).toContain(rule.escalateTo);
    expect(citeLegalSource(rule.legalSource)).toMatch(
      /^(UN Convention against Cybercrime art\. \d+|operational practice)/,
    );
    expect(rule.warnBefore.value).toBeGreaterThan(0);
  });
});
