import { Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { layoutBars, niceMax, type BarRow, type Series } from './chart-data.js';

interface Props {
  readonly title: string;
  readonly rowHeader: string;
  readonly series: readonly Series[];
  readonly rows: readonly BarRow[];
  readonly format: (value: number | null) => string;
  readonly empty: string;
}

const plot = { width: 640, height: 180, left: 48, bottom: 40, top: 8 };

/**
 * Grouped bars in plain SVG. Screen readers get a one-line summary on the image and the same
 * numbers in a hidden table; the labels under the bars are drawn, not announced twice.
 */
export function BarChart({ title, rowHeader, series, rows, format, empty }: Props) {
  if (rows.length === 0) {
    return (
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      </Stack>
    );
  }
  const max = niceMax(rows.flatMap((r) => r.values));
  const geometry = layoutBars(rows, plot.width, plot.height, max);
  const rowSummary = (r: BarRow) =>
    `${r.label} ${r.values.map((v, i) => `${series[i]?.label ?? ''} ${format(v)}`).join(', ')}`;
  const summary = `${title}: ${rows.map(rowSummary).join('; ')}`;
  const everyNth = Math.ceil(rows.length / 12);
  return (
    <Stack gap={4}>
      <Text fw={600} aria-hidden>
        {title}
      </Text>
      <Group gap="md" aria-hidden>
        {series.map((s) => (
          <Group key={s.key} gap={4}>
            <svg width={12} height={12}>
              <rect width={12} height={12} fill={s.color} />
            </svg>
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${plot.left + plot.width + 8} ${plot.top + plot.height + plot.bottom}`}
        style={{ width: '100%', maxWidth: 720, height: 'auto' }}
      >
        <g transform={`translate(${plot.left} ${plot.top})`} fontSize={11} fill="currentColor">
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line
                x1={0}
                x2={plot.width}
                y1={plot.height * (1 - f)}
                y2={plot.height * (1 - f)}
                stroke="#ced4da"
                strokeDasharray={f === 0 ? undefined : '3 3'}
              />
              <text x={-6} y={plot.height * (1 - f) + 4} textAnchor="end">
                {format(max * f)}
              </text>
            </g>
          ))}
          {geometry.map((g, i) => (
            <g key={`${g.label}-${i}`}>
              {g.bars.map((b, j) => (
                <rect
                  key={j}
                  x={b.x}
                  y={b.y}
                  width={Math.max(1, b.width - 2)}
                  height={b.height}
                  fill={series[j]?.color ?? '#868e96'}
                >
                  <title>{`${g.label} — ${series[j]?.label ?? ''}: ${format(b.value)}`}</title>
                </rect>
              ))}
              {i % everyNth === 0 && (
                <text x={g.groupX + plot.width / rows.length / 2} y={plot.height + 16} textAnchor="middle">
                  {g.label}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rowHeader}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.key} scope="col">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.label}-${i}`}>
                <Table.Th scope="row">{r.label}</Table.Th>
                {r.values.map((v, j) => (
                  <Table.Td key={j}>{format(v)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}
