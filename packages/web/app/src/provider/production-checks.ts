import { dataCategories } from '../api/provider-types.js';

export type ProductionField = 'file' | 'dataCategory';

/**
 * Message keys by field; empty when the file can be hashed and sent. `maxBytes` is the limit the
 * node publishes with the order: a bigger file is refused now rather than after minutes of hashing.
 */
export function checkProduction(
  file: File | null,
  category: string,
  maxBytes: number,
): Partial<Record<ProductionField, string>> {
  const errors: Partial<Record<ProductionField, string>> = {};
  if (file === null) errors.file = 'validation.required';
  else if (file.size === 0) errors.file = 'validation.fileEmpty';
  else if (file.size > maxBytes) errors.file = 'validation.fileTooLarge';
  if (!(dataCategories as readonly string[]).includes(category)) errors.dataCategory = 'validation.required';
  return errors;
}
