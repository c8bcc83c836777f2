import { dataCategories } from '../api/provider-types.js';

// The node's own limit is configurable (4 GiB by default) and not published to the browser; this
// is the most any node can take (the AES-GCM bound of its configuration), so a bigger file is
// refused before minutes of hashing rather than after.
export const largestProduction = 2 ** 36 - 32;

export type ProductionField = 'file' | 'dataCategory';

/** Message keys by field; empty when the file can be hashed and sent. */
export function checkProduction(file: File | null, category: string): Partial<Record<ProductionField, string>> {
  const errors: Partial<Record<ProductionField, string>> = {};
  if (file === null) errors.file = 'validation.required';
  else if (file.size === 0) errors.file = 'validation.fileEmpty';
  else if (file.size > largestProduction) errors.file = 'validation.fileTooLarge';
  if (!(dataCategories as readonly string[]).includes(category)) errors.dataCategory = 'validation.required';
  return errors;
}
