import { citeLegalSource, countryProfiles, reasonCodesFor, requestTypeCodes, requestTypes, stateMachines } from '@hanoi247/core';

/**
 * The reference catalogues as GET /api/v1/request-types, /state-machines and /country-profiles
 * answer them, built from the same core registries by the same mapping as
 * server/src/http/routes/reference.routes.ts, so the forms are tested against the real rules.
 */

export const requestTypesBody = {
  requestTypes: requestTypeCodes.map((code) => {
    const type = requestTypes[code];
    return {
      code,
      title: type.title,
      legalSource: citeLegalSource(type.legalSource),
      family: type.family,
      allowedBases: [...type.allowedBases],
      responseKinds: [...type.responseKinds],
      fields: type.fields.map((f) => ({ name: f.name, label: f.label, legalSource: citeLegalSource(f.legalSource), requiredFor: [...f.requiredFor] })),
      refusalGrounds: reasonCodesFor(code, 'refuse').map((r) => ({ code: r.code, title: r.title, legalSource: citeLegalSource(r.legalSource), forbiddenAsSoleGround: r.forbiddenAsSoleGround === true, discretionary: r.discretionary === true })),
    };
  }),
};

export const stateMachinesBody = {
  stateMachines: Object.values(stateMachines).map((m) => ({
    family: m.family,
    initial: m.initial,
    states: m.states,
    transitions: m.transitions.map((t) => ({ ...t, legalSource: t.legalSource === undefined ? null : citeLegalSource(t.legalSource) })),
  })),
};

export const countryProfilesBody = {
  countryProfiles: Object.values(countryProfiles).map((p) => ({ ...p, reservations: p.reservations.map((r) => ({ ...r, legalSource: citeLegalSource(r.legalSource) })) })),
};
