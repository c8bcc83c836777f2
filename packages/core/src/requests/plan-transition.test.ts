import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { planTransition } from './plan-transition.js';
import { drafter, errorOf, ids, snapshot, supervisor, systemActor, t0, userActor } from './request.fixtures.js';
import type { TransitionActor } from './request-snapshot.js';

const peer = (userId: string | null): TransitionActor => ({ kind: 'peer', userId, permissions: new Set() });

describe('planTransition', () => {
  it('returns what to record: states, the transition, its response, clocks, proposals', () => {
    const plan = planTransition(
      snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', emergency: true }),
      'acknowledge',
      {},
      drafter,
      t0,
    );
    expect(plan).toMatchObject({
      action: 'acknowledge',
      from: 'RECEIVED',
      to: 'ACKNOWLEDGED',
      response: 'ACK',
      proposals: [],
      recordsConsultation: false,
    });
    expect(plan.transition).toMatchObject({ action: 'acknowledge', by: 'requested', permission: 'requests:draft' });
    expect(plan.deadlines).toEqual([{ kind: 'close', ruleId: 'acknowledge-urgent', outcome: 'met' }]);
    expect(planTransition(snapshot({ type: 'MLA_40', state: 'DRAFT' }), 'submit', {}, drafter, t0).response).toBeNull();
  });

  it('keeps the state on an event transition', () => {
    const plan = planTransition(
      snapshot({ type: 'REALTIME_TRAFFIC_45', state: 'ACTIVE', direction: 'incoming' }),
      'deliver-batch',
      {},
      drafter,
      t0,
    );
    expect(plan).toMatchObject({ from: 'ACTIVE', to: 'ACTIVE', response: 'PARTIAL' });
  });

  it('proposes preserving at the third State of a disclosed path (UN art. 43)', () => {
    const proposal = {
      type: 'PRESERVATION_42',
      requestedState: 'SG',
      reason:
        'a service provider in the communication path is in this State (UN Convention against Cybercrime art. 43(1) [unverified])',
    };
    expect(
      planTransition(
        snapshot({ type: 'PRESERVATION_42', state: 'PRESERVED', direction: 'incoming' }),
        'disclose-traffic-path',
        { thirdState: 'SG' },
        drafter,
        t0,
      ).proposals,
    ).toEqual([proposal]);
    expect(
      planTransition(
        snapshot({ type: 'TRAFFIC_PATH_43', state: 'APPROVED' }),
        'disclose',
        { thirdState: 'SG' },
        drafter,
        t0,
      ),
    ).toMatchObject({ to: 'DISCLOSED', response: 'ART43_DISCLOSURE', proposals: [proposal] });
    expect(
      planTransition(snapshot({ type: 'TRAFFIC_PATH_43', state: 'APPROVED' }), 'disclose', {}, drafter, t0).proposals,
    ).toEqual([]);
  });

  it('records consultation only when it is opened', () => {
    const assessing = snapshot({ type: 'EXTRADITION_37', state: 'UNDER_ASSESSMENT', direction: 'incoming' });
    expect(
      planTransition(assessing, 'open-consultation', { information: 'Is the person a national?' }, drafter, t0)
        .recordsConsultation,
    ).toBe(true);
    expect(
      planTransition(assessing, 'request-information', { information: 'The warrant, please' }, drafter, t0)
        .recordsConsultation,
    ).toBe(false);
  });

  it('checks the permission of a user after finding the transition', () => {
    const provider = userActor('u-provider', ['provider_user']);
    const error = errorOf(() =>
      planTransition(
        snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' }),
        'acknowledge',
        {},
        provider,
        t0,
      ),
    );
    expect(error.code).toBe('auth/forbidden');
    expect(error.message).toBe('acknowledge needs the requests:draft permission');
    expect(
      errorOf(() =>
        planTransition(
          snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' }),
          'assess',
          {},
          provider,
          t0,
        ),
      ).code,
    ).toBe('request/illegal-transition');
  });

  it('lets the scanner perform system transitions only, without a permission', () => {
    expect(
      planTransition(
        snapshot({ type: 'PRESERVATION_42', state: 'EXTENSION_REQUESTED', direction: 'outgoing' }),
        'expire',
        {},
        systemActor,
        t0,
      ).to,
    ).toBe('EXPIRED');
    expect(
      errorOf(() =>
        planTransition(
          snapshot({ type: 'MLA_40', state: 'SUBMITTED' }),
          'approve',
          {},
          { ...systemActor, permissions: permissionsOf(['supervisor']) },
          t0,
        ),
      ).code,
    ).toBe('request/illegal-transition');
  });

  describe('a partner node (peer)', () => {
    it('has its own side\u2019s transitions mirrored onto this node\u2019s copy', () => {
      expect(
        planTransition(snapshot({ type: 'MLA_40', state: 'SENT' }), 'acknowledge', {}, peer(null), t0, {
          mirrored: true,
        }).to,
      ).toBe('ACKNOWLEDGED');
      expect(
        planTransition(
          snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' }),
          'withdraw',
          {},
          peer('their-officer'),
          t0,
          { mirrored: true },
        ).to,
      ).toBe('WITHDRAWN');
    });

    it('cannot perform this node\u2019s transitions: approve, send, or decide on conditions for it', () => {
      const cases = [
        [snapshot({ type: 'MLA_40', state: 'SUBMITTED' }), 'approve'],
        [snapshot({ type: 'MLA_40', state: 'APPROVED' }), 'send'],
        [snapshot({ type: 'MLA_40', state: 'ACCEPTED_WITH_CONDITIONS' }), 'accept-conditions'],
        [snapshot({ type: 'MLA_40', state: 'UNDER_ASSESSMENT', direction: 'incoming' }), 'accept'],
      ] as const;
      for (const [request, action] of cases) {
        for (const actor of [peer('their-officer'), peer(ids.otherSupervisor), peer(null)]) {
          const error = errorOf(() => planTransition(request, action, {}, actor, t0));
          expect(error.code, action).toBe('auth/forbidden');
        }
      }
    });

    it('is told first that a transition does not exist at all', () => {
      expect(
        errorOf(() => planTransition(snapshot({ type: 'MLA_40', state: 'CLOSED' }), 'close', {}, peer('x'), t0)).code,
      ).toBe('request/illegal-transition');
    });
  });

  it('lets a local officer record the partner\u2019s side by hand, with that side\u2019s permission', () => {
    const request = snapshot({ type: 'MLA_40', state: 'UNDER_ASSESSMENT' });
    expect(planTransition(request, 'accept', {}, supervisor, t0, { mirrored: true }).to).toBe('ACCEPTED');
    expect(errorOf(() => planTransition(request, 'accept', {}, drafter, t0, { mirrored: true })).code).toBe(
      'auth/forbidden',
    );
  });
});
