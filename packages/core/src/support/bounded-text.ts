import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const anyControl = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- the same, but tab and line breaks are allowed in narratives
const controlButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Free text that is stored and shown back: trimmed, non-empty, bounded, without control
 * characters (a single line unless `multiline`). The one definition every schema uses.
 */
export function boundedText(max: number, options: { readonly multiline?: boolean } = {}) {
  const forbidden = options.multiline === true ? controlButLineBreaks : anyControl;
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((value) => !forbidden.test(value), 'must not contain control characters');
}
