/**
 * Request bodies that are core's own input schemas, named for the API document. index.ts exports
 * this module last: the document lists named schemas in the order they were named.
 */
import { caseInputSchema, providerInputSchema, providerPatchSchema } from '@hanoi247/core';

export const createCaseBody = caseInputSchema.meta({ id: 'CreateCase' });
export const createProviderBody = providerInputSchema.meta({ id: 'CreateServiceProvider' });
export const updateProviderBody = providerPatchSchema.meta({ id: 'UpdateServiceProvider' });
