import canonicalizeImpl from 'canonicalize';
import { DomainError } from '../errors/domain-error.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonValue = Json;

/**
 * RFC 8785 (JCS) canonical JSON: the byte form that gets hashed and signed, so two
 * implementations that agree on the value agree on the digest.
 */
export function canonicalJson(value: JsonValue): string {
  let text: string | undefined;
  try {
    text = (canonicalizeImpl as unknown as (input: unknown) => string | undefined)(value);
  } catch (cause) {
    // NaN and Infinity have no JSON form; reaching here means a caller let one through.
    throw new DomainError('bug/invariant-violated', 'value has no canonical JSON form', { cause });
  }
  if (text === undefined) {
    throw new DomainError('bug/invariant-violated', 'value has no canonical JSON form');
  }
  return text;
}
