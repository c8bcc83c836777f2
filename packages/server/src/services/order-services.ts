import type { OrderDeadlineSettings } from '@hanoi247/core';
import { keyringOrderSigner } from '../documents/order-document.js';
import type { OwnIdentity } from '../federation/own-descriptor.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import type { EvidenceService } from './evidence.service.js';
import { createOrderAccess } from './order-access.js';
import { createOrderFromRequestService } from './order-from-request.service.js';
import { createOrderScanner } from './order-scanner.service.js';
import { createOrderTransitions } from './order-transitions.js';
import { createOrderService, type OfferEvidence } from './order.service.js';
import { createProviderAnswerService } from './provider-answers.service.js';
import { createProviderOrderService, type ProductionSettings } from './provider-order.service.js';
import { createProviderService } from './provider.service.js';
import type { RequestTransitionService } from './request-transition.service.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface OrderServicesInput {
  readonly runtime: ServiceRuntime;
  readonly node: Pick<OwnIdentity, 'country' | 'name' | 'roster'> | null;
  readonly settings: OrderDeadlineSettings & ProductionSettings;
  readonly keyring: () => NodeKeyring;
  readonly requestTransitions: RequestTransitionService;
  readonly evidence: EvidenceService;
  /** Wakes the outbox dispatcher: a linked request's transition was queued for the partner. */
  readonly wake: () => void;
  readonly offerEvidence?: OfferEvidence;
}

/** The provider registry and domestic orders, wired once for the node (one composition, tests and CLI alike). */
export function buildOrderServices(input: OrderServicesInput) {
  const { runtime, settings, requestTransitions } = input;
  const nodeCountry = input.node?.country ?? null;
  const signer = keyringOrderSigner(input.node ?? { country: 'ZZ', name: 'maintenance' }, input.keyring, () =>
    runtime.clock.now(),
  );
  const orderSettings: OrderDeadlineSettings = {
    clocks: settings.clocks,
    lapseReminderDays: settings.lapseReminderDays,
    ...(settings.timeZone === undefined ? {} : { timeZone: settings.timeZone }),
  };
  const transitions = createOrderTransitions({ ...runtime, orderSettings, requestTransitions, signer });
  const access = createOrderAccess(runtime);
  const orders = createOrderService({
    ...runtime,
    nodeCountry,
    access,
    transitions,
    afterCommit: input.wake,
    ...(input.offerEvidence === undefined ? {} : { offerEvidence: input.offerEvidence }),
  });
  return {
    providers: createProviderService(runtime),
    orders,
    ordersFromRequests: createOrderFromRequestService({
      ...runtime,
      orders,
      requestTransitions,
      afterCommit: input.wake,
    }),
    providerOrders: createProviderOrderService({
      ...runtime,
      nodeCountry,
      access,
      transitions,
      evidence: input.evidence,
      production: settings,
      afterCommit: input.wake,
    }),
    providerAnswers: createProviderAnswerService({ ...runtime, access, transitions, afterCommit: input.wake }),
    orderScanner: createOrderScanner({ ...runtime, transitions, afterCommit: input.wake }),
  };
}
