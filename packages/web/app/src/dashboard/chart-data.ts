import type { TimingGroup } from '../api/statistics-queries.js';

export type TimingStep = 'acknowledge' | 'preserve' | 'respond';

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface BarRow {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

export interface BarGeometry {
  readonly label: string;
  readonly bars: readonly {
    readonly value: number | null;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  }[];
  readonly groupX: number;
}

/** A round axis maximum (1, 2 or 5 times a power of ten) at or above the largest value. */
export function niceMax(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** Positions grouped vertical bars in a plot area of `width` × `height` (y grows downwards, as in SVG). */
export function layoutBars(rows: readonly BarRow[], width: number, height: number, max: number): BarGeometry[] {
  if (rows.length === 0) return [];
  const groupWidth = width / rows.length;
  const perGroup = Math.max(1, ...rows.map((r) => r.values.length));
  const barWidth = (groupWidth * 0.8) / perGroup;
  return rows.map((row, i) => {
    const groupX = i * groupWidth;
    return {
      label: row.label,
      groupX,
      bars: row.values.map((value, j) => {
        const h = value === null || max <= 0 ? 0 : (Math.min(value, max) / max) * height;
        return { value, x: groupX + groupWidth * 0.1 + j * barWidth, y: height - h, width: barWidth, height: h };
      }),
    };
  });
}

/** Median and p90 of one step for each group, dropping groups that never reached that step. */
export function timingRows(
  groups: readonly TimingGroup[],
  step: TimingStep,
  labelOf: (key: string) => string,
): BarRow[] {
  return groups
    .filter((g) => g[step].count > 0)
    .map((g) => ({ label: labelOf(g.key), values: [g[step].medianHours, g[step].p90Hours] }));
}

/** Hours for people: minutes under an hour, days beyond two. */
export function formatHours(hours: number | null, language: string): string {
  if (hours === null) return '—';
  const number = (v: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(v);
  if (hours < 1) return `${number(Math.round(hours * 60))} min`;
  if (hours >= 48) return `${number(hours / 24)} d`;
  return `${number(hours)} h`;
}
