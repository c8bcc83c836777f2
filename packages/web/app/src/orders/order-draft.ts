import type { OrdersFromRequestBody } from '../api/order-queries.js';
import { dataCategories } from '../api/provider-types.js';
import type { RequestView } from '../api/types.js';
import { rangeError, rangeFromApi, rangeToApi, type RangeInput } from '../drafting/date-range.js';

/** Art. 24: who reviewed the measure (core's reviewTypes; the app bundles no core code). */
export const reviewTypes = ['JUDICIAL', 'PROSECUTORIAL', 'INDEPENDENT_ADMINISTRATIVE', 'SUPERVISORY'] as const;
export type ReviewType = (typeof reviewTypes)[number];
export type DataCategory = (typeof dataCategories)[number];

/** Art. 42(7): preservation for at least 60 days; a preservation order runs at most 90 (core's order rules). */
export const minimumPreservationDays = 60;
export const maximumPreservationDays = 90;

/** What the officer edits on the order form; everything else comes from the request as it stands. */
export interface OrderDraft {
  readonly providerId: string | null;
  readonly authorityBody: string;
  readonly reviewType: ReviewType;
  readonly decisionReference: string;
  readonly grounds: string;
  readonly dataCategories: readonly DataCategory[];
  /** The period of the data, as the officer's inputs hold it (local time); the request's own range to start with. */
  readonly range: RangeInput;
  readonly timeZone: string;
  readonly durationDays: number;
  readonly nonDisclosure: boolean;
}

export const isPreservation = (request: RequestView): boolean => request.type === 'PRESERVATION_42';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The form as it opens: the request's categories, zone, confidentiality and a draft of the grounds. */
export function draftFromRequest(request: RequestView, officerZone: string): OrderDraft {
  const d = request.details;
  const asked = Array.isArray(d['dataCategories']) ? (d['dataCategories'] as unknown[]) : [];
  const categories = dataCategories.filter((c) => asked.includes(c));
  const range = d['dateRange'] as { timeZone?: unknown } | undefined;
  const confidentiality = (d['confidentiality'] as { requested?: unknown; noUserNotification?: unknown }) ?? {};
  const summary = text(d['offenceSummary']) || text(d['factsSummary']) || text(d['dataDescription']);
  return {
    providerId: null,
    authorityBody: '',
    reviewType: 'JUDICIAL',
    decisionReference: '',
    grounds: `Execution of request ${request.reference} from ${request.requestingState}. ${summary}`.trim(),
    dataCategories: categories.length > 0 ? categories : ['subscriber', 'traffic', 'content'],
    range: rangeFromApi(d['dateRange']),
    timeZone: typeof range?.timeZone === 'string' ? range.timeZone : officerZone,
    durationDays: maximumPreservationDays,
    nonDisclosure:
      confidentiality.requested === true ||
      confidentiality.noUserNotification === true ||
      d['confidentialityRequested'] === true,
  };
}

/** What the form still lacks, by field; empty when the order can be sent. */
export function missingFields(request: RequestView, draft: OrderDraft): readonly (keyof OrderDraft)[] {
  const missing: (keyof OrderDraft)[] = [];
  if (draft.providerId === null) missing.push('providerId');
  if (draft.authorityBody.trim() === '') missing.push('authorityBody');
  if (draft.decisionReference.trim() === '') missing.push('decisionReference');
  if (draft.grounds.trim() === '') missing.push('grounds');
  if (draft.dataCategories.length === 0) missing.push('dataCategories');
  if (rangeError(draft.range, true) !== null) missing.push('range');
  const days = draft.durationDays;
  if (isPreservation(request) && !(days >= minimumPreservationDays && days <= maximumPreservationDays)) {
    missing.push('durationDays');
  }
  return missing;
}

/** The body of POST /requests/{id}/domestic-orders: one order on the chosen provider, its period with the zone. */
export function orderBody(request: RequestView, draft: OrderDraft): OrdersFromRequestBody {
  const range = rangeToApi(draft.range);
  return {
    orders: [
      {
        providerId: draft.providerId ?? '',
        authorisation: {
          body: draft.authorityBody.trim(),
          reviewType: draft.reviewType,
          decisionReference: draft.decisionReference.trim(),
        },
        grounds: draft.grounds.trim(),
        scope: {
          dataCategories: [...draft.dataCategories],
          ...(range === undefined ? {} : { dateRange: { ...range, timeZone: draft.timeZone } }),
        },
        ...(isPreservation(request) ? { durationDays: draft.durationDays } : {}),
        nonDisclosure: { required: draft.nonDisclosure, until: null },
      },
    ],
  };
}
