import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isInstant } from '../records/readable-value.js';
import { RecordInstant, RecordRange, RecordValue } from '../records/RecordValue.js';
import { calendarDate } from '../time/format.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What was declared about an item when it was taken in (core's evidence metadata), labelled in
 * the officer's language. A key this build does not know still shows, by its name.
 */
export function EvidenceMetadata({ metadata }: { readonly metadata: Readonly<Record<string, unknown>> }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [];
  const { acquisition, covers, ...rest } = metadata;
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    const label = t(`evidenceMeta.${key}`, { defaultValue: key });
    if (key === 'source' && typeof value === 'string') {
      rows.push([label, t(`evidenceSource.${value}`, { defaultValue: value })]);
    } else if (key === 'dataCategory' && typeof value === 'string') {
      rows.push([label, t(`dataCategory.${value}`, { defaultValue: value })]);
    } else if (key === 'retentionUntil' && typeof value === 'string') {
      rows.push([label, calendarDate(value, i18n.language)]);
    } else if (!(Array.isArray(value) && value.length === 0)) {
      rows.push([label, <RecordValue key={key} value={value} />]);
    }
  }
  if (isRecord(acquisition)) {
    if (typeof acquisition['method'] === 'string') rows.push([t('evidenceMeta.method'), acquisition['method']]);
    if (typeof acquisition['tool'] === 'string') rows.push([t('evidenceMeta.tool'), acquisition['tool']]);
    if (isInstant(acquisition['acquiredAt'])) {
      rows.push([t('evidenceMeta.acquiredAt'), <RecordInstant key="acquired" iso={acquisition['acquiredAt']} />]);
    }
  }
  if (isRecord(covers) && isInstant(covers['from']) && isInstant(covers['to'])) {
    rows.push([t('evidenceMeta.covers'), <RecordRange key="covers" from={covers['from']} to={covers['to']} />]);
  }
  return (
    <Table variant="vertical" withTableBorder fz="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
