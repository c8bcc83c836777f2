/** Who acts in a story step: an officer of either State, or the requested State's provider user. */
export type Side = 'requesting' | 'requested';
export type Officer = 'duty' | 'supervisor';

export type StoryStep =
  | { readonly kind: 'request'; readonly side: Side; readonly who: Officer; readonly action: string }
  | { readonly kind: 'make-order' }
  | { readonly kind: 'order'; readonly who: Officer; readonly action: string }
  | { readonly kind: 'provider'; readonly action: 'acknowledge' | 'confirm-preservation' | 'object' | 'produce' };

export interface StoryTemplate {
  readonly name: string;
  readonly type: 'PRESERVATION_42' | 'STORED_DATA_44' | 'LE_INFO_47';
  /** Hours after the previous step, then the step. */
  readonly steps: readonly (readonly [hours: number, step: StoryStep])[];
}

const own = (who: Officer, action: string) => ({ kind: 'request', side: 'requesting', who, action }) as const;
const theirs = (who: Officer, action: string) => ({ kind: 'request', side: 'requested', who, action }) as const;
const order = (who: Officer, action: string) => ({ kind: 'order', who, action }) as const;
const provider = (action: 'acknowledge' | 'confirm-preservation' | 'object' | 'produce') =>
  ({ kind: 'provider', action }) as const;

const submitted = [[2, own('duty', 'submit')]] as const;
const approved = [...submitted, [1, own('supervisor', 'approve')]] as const;
const sent = [...approved, [1, own('duty', 'send')]] as const;
// The 24/7 desk acknowledges within the hour an urgent request allows (a few minutes are added to each step).
const acknowledged = [...sent, [0, theirs('duty', 'acknowledge')]] as const;
const triaged = [...acknowledged, [4, theirs('duty', 'triage')]] as const;
const assessed = [...acknowledged, [20, theirs('duty', 'assess')]] as const;
const consulted = [...assessed, [24, theirs('duty', 'open-consultation')]] as const;
const preservationAccepted = [...triaged, [5, theirs('supervisor', 'accept')]] as const;
const productionAccepted = [...assessed, [48, theirs('supervisor', 'accept')]] as const;
const ordered = [[6, { kind: 'make-order' }]] as const;
const authorised = [...ordered, [2, order('supervisor', 'authorise')]] as const;
const served = [...authorised, [1, order('duty', 'serve')]] as const;
const providerAcknowledged = [...served, [10, provider('acknowledge')]] as const;
const preserved = [...preservationAccepted, ...providerAcknowledged, [20, provider('confirm-preservation')]] as const;
const conditionsAccepted = [...sent, [2, theirs('duty', 'accept-conditions')]] as const;
const answered = [...conditionsAccepted, [30, theirs('duty', 'answer')]] as const;

/** Every state the machines reach in a demo, each by one story (the plan repeats some). */
export const storyTemplates: readonly StoryTemplate[] = [
  { name: 'draft', type: 'PRESERVATION_42', steps: [] },
  { name: 'submitted', type: 'PRESERVATION_42', steps: submitted },
  { name: 'approved', type: 'STORED_DATA_44', steps: approved },
  { name: 'sent', type: 'PRESERVATION_42', steps: sent },
  { name: 'acknowledged', type: 'PRESERVATION_42', steps: acknowledged },
  { name: 'withdrawn', type: 'PRESERVATION_42', steps: [...acknowledged, [30, own('supervisor', 'withdraw')]] },
  { name: 'triage', type: 'PRESERVATION_42', steps: triaged },
  { name: 'info-requested', type: 'PRESERVATION_42', steps: [...triaged, [3, theirs('duty', 'request-information')]] },
  { name: 'refused', type: 'PRESERVATION_42', steps: [...triaged, [6, theirs('supervisor', 'refuse')]] },
  { name: 'accepted', type: 'PRESERVATION_42', steps: preservationAccepted },
  { name: 'order-drafted', type: 'PRESERVATION_42', steps: [...preservationAccepted, ...ordered] },
  { name: 'order-authorised', type: 'PRESERVATION_42', steps: [...preservationAccepted, ...authorised] },
  { name: 'order-served', type: 'PRESERVATION_42', steps: [...preservationAccepted, ...served] },
  {
    name: 'order-withdrawn',
    type: 'PRESERVATION_42',
    steps: [...preservationAccepted, ...authorised, [20, order('duty', 'withdraw')]],
  },
  { name: 'order-acknowledged', type: 'PRESERVATION_42', steps: [...preservationAccepted, ...providerAcknowledged] },
  { name: 'preserved', type: 'PRESERVATION_42', steps: preserved },
  {
    name: 'extension-requested',
    type: 'PRESERVATION_42',
    steps: [...preserved, [200, own('duty', 'request-extension')]],
  },
  {
    name: 'data-not-held',
    type: 'PRESERVATION_42',
    steps: [...preservationAccepted, ...providerAcknowledged, [30, provider('object')]],
  },
  { name: 'mla-assessment', type: 'STORED_DATA_44', steps: assessed },
  {
    name: 'mla-info-requested',
    type: 'STORED_DATA_44',
    steps: [...assessed, [24, theirs('duty', 'request-information')]],
  },
  { name: 'mla-consultation', type: 'STORED_DATA_44', steps: consulted },
  { name: 'mla-refused', type: 'STORED_DATA_44', steps: [...consulted, [96, theirs('supervisor', 'refuse')]] },
  { name: 'mla-accepted', type: 'STORED_DATA_44', steps: productionAccepted },
  { name: 'mla-in-execution', type: 'STORED_DATA_44', steps: [...productionAccepted, ...providerAcknowledged] },
  {
    name: 'mla-closed',
    type: 'STORED_DATA_44',
    steps: [
      ...productionAccepted,
      ...providerAcknowledged,
      [48, provider('produce')],
      // The supervisor: offering the production to the requesting State needs evidence:export.
      [4, order('supervisor', 'confirm-production-complete')],
      [6, theirs('supervisor', 'complete-execution')],
      [30, own('duty', 'confirm-results')],
      [72, own('supervisor', 'close')],
    ],
  },
  { name: 'police-conditions-accepted', type: 'LE_INFO_47', steps: conditionsAccepted },
  { name: 'police-answered', type: 'LE_INFO_47', steps: answered },
  { name: 'police-closed', type: 'LE_INFO_47', steps: [...answered, [20, own('duty', 'close')]] },
];
