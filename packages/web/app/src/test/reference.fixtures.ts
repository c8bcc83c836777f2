import { countryProfileCatalogue, requestTypeCatalogue, stateMachineCatalogue } from '@hanoi247/core';

/**
 * The reference catalogues as GET /api/v1/request-types, /state-machines and /country-profiles
 * answer them: the node's own mapping from core, so the forms are tested against the real rules.
 */
export const requestTypesBody = { requestTypes: requestTypeCatalogue() };
export const stateMachinesBody = { stateMachines: stateMachineCatalogue() };
export const countryProfilesBody = { countryProfiles: countryProfileCatalogue() };
