import fc from 'fast-check';
import { expect } from 'vitest';
import type { Indicator, NormaliseResult } from './indicator-result.js';

/** Seeded so a failure replays; enough runs to cover the formatting variants. */
export const runs = { seed: 0x14_2026, numRuns: 150 } as const;

export function accepted(result: NormaliseResult): Indicator {
  if (!result.ok) throw new Error(`expected an indicator, got ${result.reason}`);
  return result.indicator;
}

/** Normalising the canonical value again gives the same indicator (idempotence). */
export function expectIdempotent(normalise: (raw: string) => NormaliseResult, raw: string): Indicator {
  const first = accepted(normalise(raw));
  const again = accepted(normalise(first.valueNorm));
  expect(again.hashKey).toBe(first.hashKey);
  expect(again.valueNorm).toBe(first.valueNorm);
  expect(first.hashKey).toBe(`${first.type}|${first.valueNorm}`);
  return first;
}

/** A character of `alphabet` other than `current`, picked by `index`. */
export function otherChar(alphabet: string, current: string, index: number): string {
  const choices = alphabet.replace(current, '');
  return choices[index % choices.length]!;
}

/** Replaces the character at `position` with `replacement`. */
export function replaceAt(text: string, position: number, replacement: string): string {
  return text.slice(0, position) + replacement + text.slice(position + 1);
}

export const bytes20 = fc.uint8Array({ minLength: 20, maxLength: 20 });

/** Separators people type inside numbers: spaces, dots, dashes. */
export const separator = fc.constantFrom('', ' ', '.', '-', '  ');

/** Splits `digits` into groups at random points, joined by one separator: "0912 345 678", "0912.345.678". */
export function grouped(digits: string, cuts: readonly number[], sep: string): string {
  const points = [...new Set(cuts.map((cut) => cut % digits.length))].filter((p) => p > 0).sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(digits.slice(start, point));
    start = point;
  }
  parts.push(digits.slice(start));
  return parts.join(sep);
}
