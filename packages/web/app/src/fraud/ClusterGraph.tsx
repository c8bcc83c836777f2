import { Box } from '@mantine/core';
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FraudClusterView } from '../api/fraud-queries.js';
import { calendarDate } from '../time/format.js';
import { indicatorTypeWords } from './fraud-words.js';

/** Whether this browser can draw on a canvas (a test's jsdom cannot: there the container stays empty). */
const canDraw = (): boolean => {
  try {
    return typeof document.createElement('canvas').getContext('2d')?.fillRect === 'function';
  } catch {
    return false;
  }
};

const short = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

/** The report–indicator graph of a cluster, drawn by Cytoscape.js: squares are reports, circles indicators. */
export function ClusterGraph({ view }: { readonly view: FraudClusterView }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (container.current === null || !canDraw()) return undefined;
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...view.reports.map((r) => ({
          data: { id: `r-${r.id}`, label: calendarDate(r.occurredAt, i18n.language), kind: 'report' },
        })),
        ...view.indicators.map((i) => ({
          data: {
            id: `i-${i.id}`,
            label: `${indicatorTypeWords(i.type, i18n.language)}\n${short(i.valueDisplay)}`,
            kind: i.linking ? 'indicator' : 'inert',
          },
        })),
        ...view.edges.map((e, n) => ({
          data: { id: `e-${n}`, source: `r-${e.reportId}`, target: `i-${e.indicatorId}` },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-valign': 'bottom' },
        },
        { selector: 'node[kind = "report"]', style: { shape: 'rectangle', 'background-color': '#1c7ed6' } },
        { selector: 'node[kind = "indicator"]', style: { shape: 'ellipse', 'background-color': '#e8590c' } },
        { selector: 'node[kind = "inert"]', style: { shape: 'ellipse', 'background-color': '#adb5bd' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#ced4da' } },
      ],
      layout: { name: 'cose', animate: false },
    });
    return () => graph.destroy();
  }, [view, i18n.language]);
  return (
    <Box
      ref={container}
      role="img"
      aria-label={t('fraud.graphTitle')}
      h={420}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
    />
  );
}
