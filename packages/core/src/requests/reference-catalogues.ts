import { countryProfiles, reservationTexts } from './country-profiles.js';
import { deadlineRules } from './deadlines/deadline-rules.js';
import { groundsFor, type AllowedGround, type GroundOptions, type GroundPurpose } from './ground-rules.js';
import { citeLegalSource, type LegalSource } from './legal-source.js';
import { stateMachines } from './machines/registry.js';
import { requestTypeCodes, type RequestTypeCode } from './request-type-codes.js';
import { answerChannelNames, noteCatalogue } from './timeline-notes.js';
import { requestTypes } from './types/registry.js';

/** Per legal basis (or request type), the citation that replaces the default one. */
function citedFor<K extends string>(sources: Partial<Record<K, LegalSource>> | undefined) {
  return sources === undefined
    ? {}
    : {
        sourceFor: Object.fromEntries(
          Object.entries<LegalSource | undefined>(sources).flatMap(([key, source]) =>
            source === undefined ? [] : [[key, citeLegalSource(source)]],
          ),
        ),
      };
}

const groundEntry = ({ definition, legalSource }: AllowedGround) => ({
  code: definition.code,
  title: definition.title,
  legalSource: citeLegalSource(legalSource),
  forbiddenAsSoleGround: definition.forbiddenAsSoleGround === true,
  discretionary: definition.discretionary === true,
});

/** The grounds of each legal basis the type allows: what the refusal form offers for a request of that basis. */
function groundsByBasis(code: RequestTypeCode, purpose: GroundPurpose, options: GroundOptions) {
  return Object.fromEntries(
    requestTypes[code].allowedBases.map((basis) => [basis, groundsFor(code, basis, purpose, options).map(groundEntry)]),
  );
}

/**
 * The legal rules as the reference API publishes them (GET /api/v1/request-types,
 * /state-machines, /deadline-rules, /country-profiles): plain data with cited legal sources.
 * One mapping for the node that serves them and the tests that stand in for it. `options`
 * carries the node's own legal settings (the grounds of its bilateral treaties).
 */
export function requestTypeCatalogue(options: GroundOptions = {}) {
  return requestTypeCodes.map((code) => {
    const type = requestTypes[code];
    return {
      code,
      title: type.title,
      legalSource: citeLegalSource(type.legalSource),
      ...citedFor(type.sourceFor),
      family: type.family,
      allowedBases: [...type.allowedBases],
      responseKinds: [...type.responseKinds],
      fields: type.fields.map((f) => ({
        name: f.name,
        label: f.label,
        legalSource: citeLegalSource(f.legalSource),
        ...citedFor(f.sourceFor),
        requiredFor: [...f.requiredFor],
      })),
      refusalGrounds: groundsByBasis(code, 'refuse', options),
      postponementGrounds: groundsByBasis(code, 'postpone', options),
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
    ...citedFor(r.sourceFor),
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
    reservations: p.reservations.map((r) => ({
      code: r.code,
      title: reservationTexts[r.code],
      legalSource: citeLegalSource(r.legalSource),
    })),
  }));
}

/** The node's timeline notes with their words in each language, and how an answer channel is named. */
export function timelineNoteCatalogue() {
  return {
    notes: [...noteCatalogue.values()].map((n) => ({ code: n.code, params: n.params, text: n.text })),
    channels: answerChannelNames,
  };
}
