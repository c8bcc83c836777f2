import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A record's facts as label and value rows: the one shape the order, provider and registry pages share. */
export function FactsTable({
  rows,
  labelWidth = '30%',
}: {
  readonly rows: readonly (readonly [string, ReactNode])[];
  readonly labelWidth?: string;
}) {
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={labelWidth}>
              {label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
