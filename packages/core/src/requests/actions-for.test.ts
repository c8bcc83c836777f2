import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { machineFor } from './machines/registry.js';
import { actionsFor, planTransition } from './plan-transition.js';
import { drafter, ids, payloadFor, snapshot, supervisor, systemActor, t0, userActor } from './request.fixtures.js';
import type { TransitionActor } from './request-snapshot.js';
import { requestTypeCodes } from './request-type-codes.js';
import { fourEyesAllows } from '../lifecycle/four-eyes.js';

const actions = (actor: TransitionActor, draftedBy: readonly string[] = [ids.drafter]) =>
  actionsFor(snapshot({ type: 'MLA_40', state: 'SUBMITTED', draftedBy }), actor).map((t) => t.action);

/** Errors that mean "not this caller": the ones `actionsFor` must foresee. */
const callerRefusals = new Set(['auth/forbidden', 'request/four-eyes']);
function refusalOf(call: () => unknown): string | null {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('actionsFor', () => {
  it(
    'offers approve to a supervisor who did not draft, not to the drafter or ' + 'an officer without requests:approve',
    () => {
      expect(actions(supervisor)).toContain('approve');
      expect(actions(supervisor, [ids.drafter, ids.supervisor])).not.toContain('approve');
      expect(actions(drafter)).not.toContain('approve');
      expect(actions(userActor('u-duty-2', ['duty_officer']))).not.toContain('approve');
      expect(actions({ ...supervisor, userId: null })).not.toContain('approve');
      // Withdrawing needs only the drafting permission, which the drafter holds.
      expect(actions(drafter)).toContain('withdraw');
    },
  );

  it('offers nothing to the scanner, a partner node or a user without permissions', () => {
    expect(actions(systemActor)).toEqual([]);
    expect(actions({ kind: 'peer', userId: null, permissions: supervisor.permissions })).toEqual([]);
    expect(actions(userActor('u-auditor', ['auditor']))).toEqual([]);
  });

  it(
    'agrees with planTransition for every type, state and side: offered exactly ' + 'when the caller is not refused',
    () => {
      const callers = [
        drafter,
        supervisor,
        userActor(ids.otherSupervisor, ['supervisor']),
        userActor(ids.caOfficer, ['central_authority_officer']),
        userActor('u-provider', ['provider_user']),
      ];
      let offered = 0;
      let withheld = 0;
      for (const type of requestTypeCodes) {
        for (const { name: state } of machineFor(type).states) {
          for (const direction of ['outgoing', 'incoming'] as const) {
            const request = snapshot({
              type,
              state,
              direction,
              draftedBy: [ids.drafter, ids.supervisor],
              consultationRecorded: true,
            });
            const sideActions = new Set(
              machineFor(type)
                .transitions.filter(
                  (t) =>
                    t.by === (direction === 'outgoing' ? 'requesting' : 'requested') &&
                    t.recordedBy === undefined &&
                    t.from.includes(state),
                )
                .map((t) => t.action),
            );
            for (const actor of callers) {
              const offeredNow = actionsFor(request, actor);
              // What only a domestic order records is never offered, to anyone.
              expect(offeredNow.filter((t) => t.recordedBy !== undefined)).toEqual([]);
              const listed = new Set(offeredNow.map((t) => t.action));
              for (const action of sideActions) {
                const refusal = refusalOf(() => planTransition(request, action, payloadFor(action, t0), actor, t0));
                const refused = refusal !== null && callerRefusals.has(refusal);
                expect(
                  listed.has(action),
                  `${type} ${state} ${direction} ${action} by ${actor.userId ?? '?'}: ${refusal ?? 'ok'}`,
                ).toBe(!refused);
                if (refused) withheld += 1;
                else offered += 1;
              }
            }
          }
        }
      }
      // Both outcomes must occur, or the loop proved nothing.
      expect(offered).toBeGreaterThan(0);
      expect(withheld).toBeGreaterThan(0);
    },
  );
});

describe('fourEyesAllows', () => {
  it('refuses the drafters and an anonymous actor, allows anyone else', () => {
    expect(fourEyesAllows({ draftedBy: [ids.drafter] }, { userId: ids.supervisor })).toBe(true);
    expect(fourEyesAllows({ draftedBy: [ids.drafter, ids.supervisor] }, { userId: ids.supervisor })).toBe(false);
    expect(fourEyesAllows({ draftedBy: [] }, { userId: null })).toBe(false);
  });
});
