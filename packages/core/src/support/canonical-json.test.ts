import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

/** Fixed seed: property tests must be reproducible run after run. */
const runs = { seed: 0x8785, numRuns: 300 } as const;

/** Arbitrary JSON with full UTF-16 strings (lone surrogates included) as keys and values. */
const anyJson = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }) as fc.Arbitrary<JsonValue>;

/** Ordering of RFC 8785 §3.2.3, written independently of Array.prototype.sort. */
function compareUtf16(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Rebuilds every object of a value with its keys inserted in another (seeded) order. */
function reorderKeys(value: JsonValue, seed: number): JsonValue {
  if (Array.isArray(value)) return value.map((item: JsonValue) => reorderKeys(item, seed));
  if (value === null || typeof value !== 'object') return value;
  let state = seed >>> 0;
  const entries = Object.entries(value).map(([key, item]) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return { key, item, rank: state };
  });
  entries.sort((a, b) => a.rank - b.rank);
  const out: { [key: string]: JsonValue } = {};
  for (const { key, item } of entries) {
    Object.defineProperty(out, key, {
      value: reorderKeys(item, seed + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe('canonicalJson: object keys', () => {
  it('sorts keys and drops insignificant whitespace', () => {
    expect(canonicalJson({ b: 1, a: 2, c: { z: true, y: false } })).toBe('{"a":2,"b":1,"c":{"y":false,"z":true}}');
  });

  it('orders keys by UTF-16 code units, not by code points (RFC 8785 §3.2.3 example)', () => {
    const input = JSON.parse(
      String.raw`{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}`,
    ) as JsonValue;
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts integer-like keys as strings, unlike JavaScript property order', () => {
    const value = { 9: 'nine', 10: 'ten', a: 'a', 1: 'one' };
    expect(canonicalJson(value)).toBe('{"1":"one","10":"ten","9":"nine","a":"a"}');
  });

  it('sorts keys inside arrays of objects but keeps array order', () => {
    expect(canonicalJson([{ b: 1, a: [3, 2, 1] }, [], {}, [{ d: null, c: 'x' }]])).toBe(
      '[{"a":[3,2,1],"b":1},[],{},[{"c":"x","d":null}]]',
    );
  });

  it('escapes keys like strings', () => {
    expect(canonicalJson({ 'a"b': 1, 'a\\b': 2, '\n': 3 })).toBe('{"\\n":3,"a\\"b":1,"a\\\\b":2}');
  });
});

describe('canonicalJson: numbers (ECMAScript serialisation, RFC 8785 §3.2.2.3)', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [-1, '-1'],
    [0.1, '0.1'],
    [4.5, '4.5'],
    [0.002, '0.002'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [1e-27, '1e-27'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [1e30, '1e+30'],
    [333333333.3333333, '333333333.3333333'],
    [9007199254740992, '9007199254740992'],
    [295147905179352830000, '295147905179352830000'],
    [5e-324, '5e-324'],
    [-5e-324, '-5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('serialises %s as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(canonicalJson([value])).toBe(`[${expected}]`);
  });

  it('serialises numbers written differently in the source text the same way', () => {
    const parsed = JSON.parse(
      '[333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001, -0.0]',
    ) as JsonValue;
    expect(canonicalJson(parsed)).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27,0]');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %s, which has no JSON form',
    (value) => {
      expect(() => canonicalJson(value)).toThrow();
      expect(() => canonicalJson({ nested: [value] })).toThrow();
    },
  );
});

describe('canonicalJson: strings and literals', () => {
  it('writes literals', () => {
    expect(canonicalJson([null, true, false])).toBe('[null,true,false]');
  });

  it('escapes only what JSON requires, with short forms and lower-case hex', () => {
    expect(canonicalJson('"\\/\b\f\n\r\t\u0000\u000f\u001f\u007f')).toBe(
      '"\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u000f\\u001f\u007f"',
    );
  });

  it('writes non-ASCII characters as themselves, including U+2028 and astral characters', () => {
    expect(canonicalJson('€ Hà Nội \u2028 😀 \ufb33')).toBe('"€ Hà Nội \u2028 😀 \ufb33"');
  });

  it('escapes lone surrogates so the output stays well-formed', () => {
    expect(canonicalJson('a\ud800b\udfff')).toBe('"a\\ud800b\\udfff"');
  });

  it('matches the RFC 8785 §3.2.3 sample end to end', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(JSON.parse(input) as JsonValue)).toBe(expected);
  });

  it('throws a DomainError when a value has no JSON form at all', () => {
    const notJson = undefined as unknown as JsonValue;
    expect(() => canonicalJson(notJson)).toThrow(DomainError);
  });
});

describe('canonicalJson: properties', () => {
  it('is a fixed point: canonicalising the parsed output gives the same text', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once) as JsonValue)).toBe(once);
      }),
      runs,
    );
  });

  it('produces valid JSON that parses back to an equal value', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const parsed: unknown = JSON.parse(canonicalJson(value));
        // -0 becomes 0 on the way (RFC 8785), which JSON.stringify also does: compare that way.
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      runs,
    );
  });

  it('does not depend on the insertion order of keys, at any depth', () => {
    fc.assert(
      fc.property(anyJson, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value));
      }),
      runs,
    );
  });

  it('puts the key that is smaller in UTF-16 code units first', () => {
    const key = fc.string({ unit: 'binary', maxLength: 6 });
    fc.assert(
      fc.property(key, key, (a, b) => {
        fc.pre(a !== b);
        const text = canonicalJson(
          Object.fromEntries([
            [a, 'A'],
            [b, 'B'],
          ]),
        );
        const first = compareUtf16(a, b) < 0 ? 'A' : 'B';
        const second = first === 'A' ? 'B' : 'A';
        expect(text.endsWith(`:"${second}"}`)).toBe(true);
        expect(text.indexOf(`:"${first}"`)).toBeLessThan(text.indexOf(`:"${second}"`));
      }),
      runs,
    );
  });

  it('never emits whitespace outside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme-ascii' }) as fc.Arbitrary<JsonValue>, (value) => {
        const withoutStrings = canonicalJson(value).replace(/"(?:[^"\\]|\\.)*"/g, '""');
        expect(withoutStrings).not.toMatch(/\s/);
      }),
      runs,
    );
  });
});
