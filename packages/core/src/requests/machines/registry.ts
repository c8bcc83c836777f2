import type { RequestTypeCode } from '../request-type-codes.js';
import { requestTypes } from '../types/registry.js';
import { mlaMachine, realtimeMachine } from './mla.machine.js';
import { assetMachine, extraditionMachine, leExchangeMachine, trafficPathMachine } from './other.machines.js';
import { preservationMachine } from './preservation.machine.js';
import type { StateMachineDefinition } from './state-machine.js';
import type { StateMachineFamily } from '../types/field-spec.js';

export const stateMachines: Readonly<Record<StateMachineFamily, StateMachineDefinition>> = {
  preservation: preservationMachine,
  'traffic-path': trafficPathMachine,
  mla: mlaMachine,
  realtime: realtimeMachine,
  'le-exchange': leExchangeMachine,
  asset: assetMachine,
  extradition: extraditionMachine,
};

export function machineFor(type: RequestTypeCode): StateMachineDefinition {
  return stateMachines[requestTypes[type].family];
}
