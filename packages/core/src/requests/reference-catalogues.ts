import { countryProfiles } from './country-profiles.js';
import { deadlineRules } from './deadlines/deadline-rules.js';
import { citeLegalSource } from './legal-source.js';
import { stateMachines } from './machines/registry.js';
import { reasonCodesFor } from './reason-codes.js';
import { requestTypeCodes } from './request-type-codes.js';
import { answerChannelNames, noteCatalogue } from './timeline-notes.js';
import { requestTypes } from './types/registry.js';

/**
 * The legal rules as the reference API publishes them (GET /api/v1/request-types,
 * /state-machines, /deadline-rules, /country-profiles): plain data with cited legal sources.
 * One mapping for the node that serves them and the tests that stand in for it.
 */
export function requestTypeCatalogue() {
  return requestTypeCodes.map((code) => {
    const type = requestTypes[code];
    return {
      code,
      title: type.title,
      legalSource: citeLegalSource(type.legalSource),
      family: type.family,
      allowedBases: [...type.allowedBases],
      responseKinds: [...type.responseKinds],
      fields: type.fields.map((f) => ({
        name: f.name,
        label: f.label,
        legalSource: citeLegalSource(f.legalSource),
        requiredFor: [...f.requiredFor],
      })),
      refusalGrounds: reasonCodesFor(code, 'refuse').map((r) => ({
        code: r.code,
        title: r.title,
        legalSource: citeLegalSource(r.legalSource),
        forbiddenAsSoleGround: r.forbiddenAsSoleGround === true,
        discretionary: r.discretionary === true,
      })),
    };
  });
}

export function stateMachineCatalogue() {
  return Object.values(stateMachines).map((m) => ({
    family: m.family,
    initial: m.initial,
    states: m.states,
    transitions: m.transitions.map((t) => ({
      ...t,
      legalSource: t.legalSource === undefined ? null : citeLegalSource(t.legalSource),
    })),
  }));
}

export function deadlineRuleCatalogue() {
  return deadlineRules.map((r) => ({
    id: r.id,
    title: r.title,
    legalSource: citeLegalSource(r.legalSource),
    kind: r.kind,
    appliesTo: r.appliesTo,
    direction: r.direction,
    startOn: r.startOn,
    closeOn: r.closeOn,
    warnBefore: r.warnBefore,
    escalateTo: r.escalateTo,
  }));
}

export function countryProfileCatalogue() {
  return Object.values(countryProfiles).map((p) => ({
    ...p,
    reservations: p.reservations.map((r) => ({ ...r, legalSource: citeLegalSource(r.legalSource) })),
  }));
}

/** The node's timeline notes with their words in each language, and how an answer channel is named. */
export function timelineNoteCatalogue() {
  return {
    notes: [...noteCatalogue.values()].map((n) => ({ code: n.code, params: n.params, text: n.text })),
    channels: answerChannelNames,
  };
}
