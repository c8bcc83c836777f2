/**
 * The naming rules `promtool check metrics` applies (its promlint checks), written out so that
 * they hold where promtool is not installed, plus the unit-as-suffix convention it leaves to
 * style guides. Reads the text exposition format; returns one line per problem.
 */
export interface MetricFamily {
  readonly name: string;
  readonly type: string | null;
  readonly help: string | null;
  readonly labelNames: ReadonlySet<string>;
}

export interface NamingProblem {
  readonly metric: string;
  readonly problem: string;
}

const baseUnits = ['amperes', 'bytes', 'celsius', 'grams', 'joules', 'kelvin', 'meters', 'metres', 'seconds', 'volts'];
const nonBaseUnits: Readonly<Record<string, string>> = {
  minutes: 'seconds',
  hours: 'seconds',
  days: 'seconds',
  weeks: 'seconds',
  kelvins: 'kelvin',
  fahrenheit: 'celsius',
  rankine: 'celsius',
  inches: 'meters',
  yards: 'meters',
  miles: 'meters',
  bits: 'bytes',
  calories: 'joules',
  pounds: 'grams',
  ounces: 'grams',
};
const unitPrefixes = [
  'pico',
  'nano',
  'micro',
  'milli',
  'centi',
  'deci',
  'deca',
  'hecto',
  'kilo',
  'kibi',
  'mega',
  'mebi',
  'giga',
  'gibi',
  'tera',
  'tebi',
  'peta',
  'pebi',
];
const unitAbbreviations = ['s', 'ms', 'us', 'ns', 'sec', 'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'm', 'h', 'd'];
const types = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const camelCase = /[a-z][A-Z]/;
const sampleSuffixes = ['_bucket', '_count', '_sum'];

/** Families in order of their first HELP, TYPE or sample line; samples of a histogram join their family. */
export function parseExposition(text: string): MetricFamily[] {
  const families = new Map<string, { name: string; type: string | null; help: string | null; labels: Set<string> }>();
  const family = (name: string) => {
    let found = families.get(name);
    if (found === undefined) {
      found = { name, type: null, help: null, labels: new Set() };
      families.set(name, found);
    }
    return found;
  };
  for (const line of text.split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta !== null) {
      const [, kind, name = '', rest = ''] = meta;
      if (kind === 'HELP') family(name).help = rest;
      else family(name).type = rest;
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    const sample = /^([^\s{]+)(\{(.*)\})?\s/.exec(line);
    if (sample === null) throw new Error(`not the text exposition format: ${line.slice(0, 200)}`);
    const sampleName = sample[1] ?? '';
    const owner =
      families.has(sampleName) || !sampleSuffixes.some((s) => sampleName.endsWith(s))
        ? sampleName
        : sampleName.replace(/_(bucket|count|sum)$/, '');
    const labels = family(owner).labels;
    for (const match of (sample[3] ?? '').matchAll(/([^\s=,]+)="(?:[^"\\]|\\.)*"/g)) labels.add(match[1] ?? '');
  }
  return [...families.values()].map((f) => ({ name: f.name, type: f.type, help: f.help, labelNames: f.labels }));
}

function tokens(name: string): string[] {
  return name.toLowerCase().split('_');
}

function unitProblems(name: string): string[] {
  const problems: string[] = [];
  const parts = tokens(name);
  for (const part of parts) {
    const base = nonBaseUnits[part];
    if (base !== undefined) problems.push(`use base unit "${base}" instead of "${part}"`);
    for (const prefix of unitPrefixes) {
      const rest = part.slice(prefix.length);
      if (part.startsWith(prefix) && (baseUnits.includes(rest) || nonBaseUnits[rest] !== undefined)) {
        problems.push(`use base unit "${nonBaseUnits[rest] ?? rest}" instead of "${part}"`);
      }
    }
  }
  if (parts.slice(1).some((part) => unitAbbreviations.includes(part))) {
    problems.push('metric names should not contain abbreviated units');
  }
  // The unit ends the name (before _total on a counter), so a reader meets it where it is expected.
  const withoutTotal = parts.at(-1) === 'total' ? parts.slice(0, -1) : parts;
  const unitAt = withoutTotal.findIndex((part) => baseUnits.includes(part));
  if (unitAt >= 0 && unitAt !== withoutTotal.length - 1) {
    problems.push(`the unit "${withoutTotal[unitAt]}" must be the last part of the name`);
  }
  return problems;
}

export function namingProblems(text: string): NamingProblem[] {
  const problems: NamingProblem[] = [];
  const seen = new Set<string>();
  for (const family of parseExposition(text)) {
    const { name, type } = family;
    const add = (problem: string) => problems.push({ metric: name, problem });
    if (seen.has(name)) add('metric is exposed twice');
    seen.add(name);
    if (!metricName.test(name)) add('not a valid metric name');
    if (name.includes(':')) add('metric names should not contain ":"');
    if (camelCase.test(name)) add('metric names should be written in snake_case not camelCase');
    if (family.help === null || family.help.trim() === '') add('no help text');
    if (type === null || !types.includes(type)) add(`no valid TYPE (got ${String(type)})`);
    if (type === 'counter' && !name.endsWith('_total')) add('counter metrics should have "_total" suffix');
    if (type !== 'counter' && type !== 'untyped' && name.endsWith('_total')) {
      add('non-counter metrics should not have "_total" suffix');
    }
    if (type !== null && type !== 'untyped') {
      const lower = name.toLowerCase();
      if (lower.includes(`_${type}_`) || lower.endsWith(`_${type}`)) {
        add(`metric name should not include type "${type}"`);
      }
    }
    if (type !== 'histogram' && name.endsWith('_bucket')) add('non-histogram metrics should not have "_bucket" suffix');
    if (type !== 'histogram' && type !== 'summary' && /_(count|sum)$/.test(name)) {
      add('non-histogram and non-summary metrics should not have "_count" or "_sum" suffix');
    }
    for (const label of family.labelNames) {
      if (!labelName.test(label) || label.startsWith('__')) add(`not a valid label name: ${label}`);
      if (camelCase.test(label)) add(`label names should be written in snake_case not camelCase: ${label}`);
      if (label === 'le' && type !== 'histogram') add('non-histogram metrics should not have "le" label');
      if (label === 'quantile' && type !== 'summary') add('non-summary metrics should not have "quantile" label');
    }
    for (const problem of unitProblems(name)) add(problem);
  }
  return problems;
}
