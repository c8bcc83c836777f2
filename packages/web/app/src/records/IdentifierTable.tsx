import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { zonedDateTime } from '../time/format.js';
import type { IdentifierRow } from './readable-value.js';

/** Identifiers as a small table: kind, service, value, and the instant an IP was seen, its zone named. */
export function IdentifierTable({ identifiers }: { readonly identifiers: readonly IdentifierRow[] }) {
  const { t, i18n } = useTranslation();
  const anyService = identifiers.some((i) => i.service !== null);
  const anyInstant = identifiers.some((i) => i.observedAt !== null);
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('records.identifierKind')}</Table.Th>
          {anyService && <Table.Th scope="col">{t('records.identifierService')}</Table.Th>}
          <Table.Th scope="col">{t('records.identifierValue')}</Table.Th>
          {anyInstant && <Table.Th scope="col">{t('records.identifierObservedAt')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {identifiers.map((identifier, index) => (
          <Table.Tr key={`${identifier.kind}-${identifier.value}-${index}`}>
            <Table.Td>{t(`identifierKind.${identifier.kind}`, { defaultValue: identifier.kind })}</Table.Td>
            {anyService && <Table.Td>{identifier.service ?? '—'}</Table.Td>}
            <Table.Td>
              <Text span size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {identifier.value}
              </Text>
            </Table.Td>
            {anyInstant && (
              <Table.Td>
                {identifier.observedAt === null ? (
                  '—'
                ) : (
                  <time dateTime={identifier.observedAt}>{zonedDateTime(identifier.observedAt, i18n.language)}</time>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
