import { describe, expect, it } from 'vitest';
import { machineFor } from './machines/registry.js';
import { isTerminalState } from '../lifecycle/machine.js';
import { nextStep } from './next-step.js';
import { drafter, ids, snapshot, supervisor, userActor } from './request.fixtures.js';
import { requestTypeCodes } from './request-type-codes.js';

const dutyOfficer = userActor('someone-else', ['duty_officer']);
const clocks = [{ dueAt: '2026-11-03T09:00:00.000Z' }, { dueAt: '2026-11-02T08:00:00.000Z' }];

describe('nextStep', () => {
  it('is the viewer’s own when they may act: a draft is theirs to submit, by the earliest running clock', () => {
    const step = nextStep(snapshot({ type: 'PRESERVATION_42', state: 'DRAFT' }), drafter, clocks);
    expect(step.owner).toBe('viewer');
    expect(step.actions[0]?.action).toBe('submit');
    expect(step.dueAt).toBe('2026-11-02T08:00:00.000Z');
  });

  it('names the role that must act when it is this node’s turn but not the viewer’s: the supervisor approves', () => {
    const submitted = snapshot({ type: 'PRESERVATION_42', state: 'SUBMITTED' });
    const step = nextStep(submitted, drafter, []);
    expect(step).toMatchObject({ owner: 'colleague', roles: ['supervisor'] });
    expect(step.actions[0]?.action).toBe('approve');
    expect(nextStep(submitted, supervisor, []).owner).toBe('viewer');
    // four eyes: the supervisor who drafted it waits for another one
    expect(nextStep({ ...submitted, draftedBy: [ids.supervisor] }, supervisor, []).owner).toBe('colleague');
  });

  it('waits for the partner once sent: the requested State acknowledges', () => {
    const step = nextStep(snapshot({ type: 'PRESERVATION_42', state: 'SENT' }), dutyOfficer, clocks);
    expect(step.owner).toBe('partner');
    expect(step.actions.map((a) => a.action)).toContain('acknowledge');
  });

  it('asks the requested node to draft a domestic order once it accepts, then waits on the order while it runs', () => {
    const accepted = snapshot({ type: 'PRESERVATION_42', state: 'ACCEPTED', direction: 'incoming' });
    expect(nextStep(accepted, dutyOfficer, [])).toMatchObject({
      owner: 'viewer',
      actions: [{ action: 'draft-domestic-order' }],
    });
    const auditor = userActor('a', ['auditor']);
    expect(nextStep(accepted, auditor, [])).toMatchObject({ owner: 'colleague' });
    expect(nextStep(accepted, auditor, []).roles).toContain('duty_officer');
    const ordered = snapshot({
      type: 'PRESERVATION_42',
      state: 'DOMESTIC_ORDER_ISSUED',
      direction: 'incoming',
      openOrders: 1,
    });
    const step = nextStep(ordered, dutyOfficer, []);
    expect(step.owner).toBe('order');
    expect(step.actions.map((a) => a.action)).toContain('confirm-preserved');
  });

  it('is nobody’s on a closed request, and never a clock there', () => {
    for (const type of requestTypeCodes) {
      const machine = machineFor(type);
      for (const state of machine.states.filter((s) => isTerminalState(machine, s.name))) {
        const step = nextStep(snapshot({ type, state: state.name }), supervisor, clocks);
        expect(step, `${type} ${state.name}`).toEqual({ owner: 'none', actions: [], roles: [], dueAt: null });
      }
    }
  });

  it('names someone in every open state of every machine, on either side', () => {
    for (const type of requestTypeCodes) {
      const machine = machineFor(type);
      for (const state of machine.states.filter((s) => !s.terminal)) {
        for (const direction of ['outgoing', 'incoming'] as const) {
          const step = nextStep(snapshot({ type, state: state.name, direction, openOrders: 1 }), supervisor, []);
          if (step.owner === 'none') continue;
          expect(step.actions.length, `${type} ${state.name} ${direction}`).toBeGreaterThan(0);
        }
      }
    }
  });
});
