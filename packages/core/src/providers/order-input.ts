import { z } from 'zod';
import { DomainError, type FieldIssue } from '../errors/domain-error.js';
import { identifierSchema } from '../requests/identifiers.js';
import { citeLegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import type { Bilingual } from '../requests/types/field-spec.js';
import { boundedText } from '../support/bounded-text.js';
import { orderTypeCodes, orderTypes, type OrderTypeCode } from './order-types.js';

/** Art. 24: who reviewed the measure. The node records the review; it does not perform it. */
export const reviewTypes = ['JUDICIAL', 'PROSECUTORIAL', 'INDEPENDENT_ADMINISTRATIVE', 'SUPERVISORY'] as const;
export type ReviewType = (typeof reviewTypes)[number];

export const reviewTypeLabels: Readonly<Record<ReviewType, Bilingual>> = {
  JUDICIAL: { en: 'Judicial review (court)', vi: 'Tòa án xem xét, quyết định' },
  PROSECUTORIAL: { en: 'Prosecutorial approval', vi: 'Viện kiểm sát phê chuẩn' },
  INDEPENDENT_ADMINISTRATIVE: { en: 'Independent administrative review', vi: 'Cơ quan hành chính độc lập xem xét' },
  SUPERVISORY: { en: 'Supervisory authorisation within the agency', vi: 'Thủ trưởng cơ quan phê duyệt' },
};

const zoned = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 timestamp with its zone, such as 2026-11-02T14:03:11+07:00',
});

/** An IANA zone name: provider logs are kept in local time, and an offset alone misses daylight saving. */
const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Ho_Chi_Minh or UTC');

export const orderScopeSchema = z.strictObject({
  identifiers: z.array(identifierSchema).min(1, 'name at least one identifier').max(500),
  dataCategories: z
    .array(z.enum(['subscriber', 'traffic', 'content', 'other']))
    .min(1)
    .max(4),
  dateRange: z
    .strictObject({ from: zoned, to: zoned, timeZone })
    .refine((r) => Date.parse(r.from) <= Date.parse(r.to), 'from must not be after to'),
});
export type OrderScope = z.infer<typeof orderScopeSchema>;

export const orderAuthorisationSchema = z.strictObject({
  body: boundedText(300),
  reviewType: z.enum(reviewTypes),
  /** The decision's number or docket reference, as the authorising body wrote it. */
  decisionReference: boundedText(200),
});

export const nonDisclosureSchema = z.strictObject({
  required: z.boolean(),
  /** The duty lasts until this date (YYYY-MM-DD); null while the proceedings decide. */
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .nullable()
    .default(null),
});

/** What an officer writes when drafting an order (Art. 24: body, review, grounds, scope, duration). */
export const orderInputSchema = z.strictObject({
  type: z.enum(orderTypeCodes),
  providerId: z.uuid({ error: 'must be a UUID' }),
  authorisation: orderAuthorisationSchema,
  grounds: boundedText(5000, { multiline: true }),
  scope: orderScopeSchema,
  durationDays: z.number().int().min(1).max(366).optional(),
  authorisedPeriod: z.strictObject({ start: zoned, end: zoned }).optional(),
  nonDisclosure: nonDisclosureSchema,
  emergencyJustification: boundedText(4000, { multiline: true }).optional(),
});
export type OrderInput = z.infer<typeof orderInputSchema>;
export type OrderInputDraft = z.input<typeof orderInputSchema>;

/** Art. 2 emergency: the significant and imminent risk to life or safety must be explained. */
export const minimumEmergencyJustification = 20;

/**
 * Rules across fields that the schema cannot say: preservation runs at most 90 days, collection
 * has an authorised start and end, a duty of non-disclosure names how long it lasts or says it
 * waits for the proceedings, an emergency is explained. Throws with every issue at once.
 */
export function checkOrderInput(input: OrderInput, now: Date): void {
  const type = orderTypes[input.type];
  const issues: FieldIssue[] = [];
  if (type.maxDurationDays !== null) {
    if (input.durationDays === undefined) {
      issues.push({ path: '/durationDays', message: `required: at most ${type.maxDurationDays} days` });
    } else if (input.durationDays > type.maxDurationDays) {
      throw new DomainError(
        'order/duration-exceeded',
        `a ${type.title.en.toLowerCase()} runs at most ${type.maxDurationDays} days; ` +
          `renew it for longer (${citeLegalSource(unCite.powers.preservationPeriod)})`,
        {
          issues: [{ path: '/durationDays', message: `at most ${type.maxDurationDays}` }],
        },
      );
    }
  } else if (input.durationDays !== undefined) {
    issues.push({
      path: '/durationDays',
      message: 'only preservation orders have a duration; production is due by its clock',
    });
  }
  if (type.authorisedPeriod) {
    const period = input.authorisedPeriod;
    if (period === undefined) {
      issues.push({ path: '/authorisedPeriod', message: 'required: the authorised start and end' });
    } else if (Date.parse(period.start) >= Date.parse(period.end) || Date.parse(period.end) <= now.getTime()) {
      throw new DomainError(
        'order/invalid-period',
        'the authorised end must come after the start and lie in the future',
        { issues: [{ path: '/authorisedPeriod/end', message: 'after start and in the future' }] },
      );
    }
  } else if (input.authorisedPeriod !== undefined) {
    issues.push({
      path: '/authorisedPeriod',
      message: `only real-time collection and interception orders have an authorised period`,
    });
  }
  if (issues.length > 0) throw new DomainError('order/invalid', 'the order is not complete', { issues });
}

/** An emergency order states why; a short phrase is not a justification a provider can weigh. */
export function checkEmergency(justification: string | undefined | null): string | null {
  if (justification === undefined || justification === null) return null;
  if (justification.trim().length < minimumEmergencyJustification) {
    throw new DomainError(
      'order/emergency-justification-required',
      'an emergency order needs a justification: the significant and imminent risk to life or safety (UN art. 2)',
      {
        issues: [{ path: '/emergencyJustification', message: `at least ${minimumEmergencyJustification} characters` }],
      },
    );
  }
  return justification.trim();
}

export const orderTypeOf = (code: OrderTypeCode) => orderTypes[code];
