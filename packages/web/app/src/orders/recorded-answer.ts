import type { RecordedAnswerBody } from '../api/order-queries.js';
import type { DomesticOrder } from '../api/order-types.js';
import { objectionCodes, type ObjectionCode } from '../api/provider-types.js';
import { lastPeriodDay, preservedUntilOf } from '../provider/ProviderActions.js';

export type RecordableAction = RecordedAnswerBody['action'];
/** Core's answer channels (timeline-notes.ts): how a provider's answer may reach the officer. */
export const answerChannels = ['letter', 'email', 'phone', 'fax', 'in-person'] as const;

/**
 * The provider's steps its order's state allows (core's order machine): what an officer may record for a
 * provider that is not on the platform. Only a preservation has periods, and only it is confirmed.
 */
export function recordableActions(order: DomesticOrder): RecordableAction[] {
  const preservation = order.periods.length > 0;
  switch (order.state) {
    case 'SERVED':
      return ['acknowledge', 'object'];
    case 'ACKNOWLEDGED':
      return preservation ? ['confirm-preservation', 'object'] : ['object'];
    case 'RENEWED':
      return preservation ? ['confirm-preservation'] : [];
    default:
      return [];
  }
}

export interface AnswerDraft {
  readonly action: RecordableAction;
  readonly channel: (typeof answerChannels)[number];
  /** `YYYY-MM-DDTHH:mm` in the browser's zone, '' while not a whole date. */
  readonly receivedAt: string;
  readonly fromName: string;
  readonly fromRole: string;
  readonly evidenceItemId: string;
  /** `YYYY-MM-DD`, the last day preserved. */
  readonly preservedUntil: string;
  readonly preservedWhat: string;
  readonly reasonCode: ObjectionCode;
  readonly note: string;
}

export const blankAnswer = (order: DomesticOrder): AnswerDraft => ({
  action: recordableActions(order)[0] ?? 'acknowledge',
  channel: 'letter',
  receivedAt: '',
  fromName: '',
  fromRole: '',
  evidenceItemId: '',
  preservedUntil: lastPeriodDay(order),
  preservedWhat: '',
  reasonCode: objectionCodes[0],
  note: '',
});

type Problem = 'required' | 'inFuture' | 'beyondPeriod';

/** What the form can tell is wrong before sending, by field. */
export function answerProblems(order: DomesticOrder, draft: AnswerDraft, now: Date): Map<keyof AnswerDraft, Problem> {
  const problems = new Map<keyof AnswerDraft, Problem>();
  if (draft.receivedAt === '') problems.set('receivedAt', 'required');
  else if (Date.parse(draft.receivedAt) > now.getTime()) problems.set('receivedAt', 'inFuture');
  if (draft.fromName.trim() === '') problems.set('fromName', 'required');
  if (draft.evidenceItemId === '') problems.set('evidenceItemId', 'required');
  if (draft.action === 'confirm-preservation') {
    if (draft.preservedUntil === '') problems.set('preservedUntil', 'required');
    else if (draft.preservedUntil > lastPeriodDay(order)) problems.set('preservedUntil', 'beyondPeriod');
    if (draft.preservedWhat.trim() === '') problems.set('preservedWhat', 'required');
  }
  if (draft.action === 'object' && draft.note.trim() === '') problems.set('note', 'required');
  return problems;
}

export function answerBody(order: DomesticOrder, draft: AnswerDraft): RecordedAnswerBody {
  const payload =
    draft.action === 'confirm-preservation'
      ? { preservedUntil: preservedUntilOf(order, draft.preservedUntil), preservedWhat: draft.preservedWhat.trim() }
      : draft.action === 'object'
        ? { reasonCode: draft.reasonCode, note: draft.note.trim() }
        : {};
  const role = draft.fromRole.trim();
  return {
    action: draft.action,
    payload,
    receivedAt: new Date(draft.receivedAt).toISOString(),
    channel: draft.channel,
    from: role === '' ? { name: draft.fromName.trim() } : { name: draft.fromName.trim(), role },
    evidenceItemId: draft.evidenceItemId,
  };
}
