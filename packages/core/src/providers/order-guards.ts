import type { Permission } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import { requireFourEyes } from '../lifecycle/four-eyes.js';
import { citeLegalSource } from '../requests/legal-source.js';
import { providerObjectionCodes } from '../requests/reason-codes.js';
import { unCite } from '../requests/un-numbering.js';
import type { OrderGuardId } from './order.machine.js';
import { currentPeriod, type OrderActor, type OrderPayload, type OrderSnapshot } from './order-snapshot.js';
import { orderTypes } from './order-types.js';

/** Disclosing evidence abroad (roles.ts): whoever confirms a production that goes to a requesting State needs it. */
export const disclosurePermission: Permission = 'evidence:export';

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** What an order's guards read. */
interface OrderGuardContext {
  readonly order: OrderSnapshot;
  readonly actor: OrderActor;
  readonly payload: OrderPayload;
  readonly now: Date;
}

/** The order guards the kernel's planner runs, by id. */
export const orderGuards: Readonly<Record<OrderGuardId, (context: OrderGuardContext) => void>> = {
  'four-eyes': ({ order, actor }) =>
    requireFourEyes(order, actor, {
      code: 'order/four-eyes',
      detail:
        `whoever drafted or amended an order cannot record its authorisation: a ` +
        `second officer must (${citeLegalSource(unCite.powers.safeguards)})`,
    }),
  // UN art. 25: the order binds for its period (renewals chain periods); a provider cannot confirm
  // beyond it, and may confirm less (a partial confirmation, which alerts the officer).
  'preservation-confirmation': ({ order, payload, now }) => {
    if (blank(payload.preservedWhat) || payload.preservedUntil === undefined) {
      throw new DomainError('order/preservation-confirmation-invalid', 'confirm what was preserved, and until when', {
        issues: [
          ...(blank(payload.preservedWhat)
            ? [{ path: '/payload/preservedWhat', message: 'say what was preserved' }]
            : []),
          ...(payload.preservedUntil === undefined ? [{ path: '/payload/preservedUntil', message: 'required' }] : []),
        ],
      });
    }
    const until = Date.parse(payload.preservedUntil);
    const period = currentPeriod(order);
    if (period !== null && until > Date.parse(period.end)) {
      throw new DomainError(
        'order/preserved-until-beyond-period',
        `the order binds until ${period.end}: preservation cannot be confirmed beyond ` +
          `its period (${citeLegalSource(unCite.powers.preservationPeriod)}); a longer ` +
          `preservation needs a renewal of the order`,
        { issues: [{ path: '/payload/preservedUntil', message: `on or before ${period.end}` }] },
      );
    }
    if (until <= now.getTime()) {
      throw new DomainError('order/preserved-until-past', 'a preservation is confirmed until a date still to come', {
        issues: [{ path: '/payload/preservedUntil', message: `after ${now.toISOString()}` }],
      });
    }
  },
  'renewal-period': ({ order, payload }) => {
    const max = orderTypes[order.type].maxDurationDays ?? 0;
    const days = payload.renewalDays ?? order.durationDays ?? max;
    if (days > max || currentPeriod(order) === null) {
      throw new DomainError(
        'order/duration-exceeded',
        `each renewal runs at most ${max} days from the end of the current period ` +
          `(${citeLegalSource(unCite.powers.preservationPeriod)})`,
        {
          issues: [{ path: '/payload/renewalDays', message: `at most ${max}` }],
        },
      );
    }
  },
  'objection-grounds': ({ payload }) => {
    if (payload.reasonCode === undefined || blank(payload.note)) {
      throw new DomainError('order/objection-grounds-invalid', 'an objection names its ground and explains it', {
        issues: [
          ...(payload.reasonCode === undefined
            ? [{ path: '/payload/reasonCode', message: `one of ${providerObjectionCodes.join(', ')}` }]
            : []),
          ...(blank(payload.note) ? [{ path: '/payload/note', message: 'explain the objection' }] : []),
        ],
      });
    }
  },
  'within-authorised-period': ({ order, now }) => {
    const period = order.authorisedPeriod;
    const t = now.getTime();
    if (period === null || t < Date.parse(period.start) || t >= Date.parse(period.end)) {
      throw new DomainError(
        'order/invalid-period',
        'collection may run only within the authorised period' +
          (period === null ? '' : `, ${period.start} to ${period.end}`),
      );
    }
  },
  // Arts. 36, 40: disclosing evidence to another State is the central authority's act, not the 24/7 desk's. Refused up
  // front, so that no offer is queued that would fail later for want of the permission.
  'disclosure-authority': ({ order, actor }) => {
    if (order.executesForeignRequest && actor.side === 'officer' && !actor.permissions.has(disclosurePermission)) {
      throw new DomainError(
        'order/disclosure-not-permitted',
        `confirming this production complete offers its evidence to the requesting State, a disclosure ` +
          `abroad that needs the ${disclosurePermission} permission (a central-authority officer or a ` +
          `supervisor; ${citeLegalSource(unCite.dataProtection.transfer)}, ${citeLegalSource(unCite.mla.article)})`,
      );
    }
  },
  note: ({ payload }) => {
    if (blank(payload.note)) {
      throw new DomainError('order/invalid', 'write the note this step carries', {
        issues: [{ path: '/payload/note', message: 'required' }],
      });
    }
  },
};
