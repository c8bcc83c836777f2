import { Alert, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderOrder } from '../api/provider-types.js';
import { ZonedTime } from '../time/ZonedTime.js';

const identifierText = (identifier: Readonly<Record<string, unknown>>): string =>
  Object.entries(identifier)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');

/** The emergency call-back block: the provider must be able to verify an emergency order by phone before acting on it. */
export function EmergencyCallback({ emergency }: { readonly emergency: NonNullable<ProviderOrder['emergency']> }) {
  const { t } = useTranslation();
  const { callback } = emergency;
  return (
    <Alert color="red" title={t('provider.emergencyTitle')} role="note">
      <Text size="sm">{emergency.justification}</Text>
      <Text size="sm">
        {t('provider.emergencyOfficer')}: {emergency.officer}
      </Text>
      <Text size="sm" fw={700}>
        {t('provider.callback')}: {callback.name} ({callback.role})
        {callback.phone !== undefined && (
          <>
            {' '}
            · <a href={`tel:${callback.phone}`}>{callback.phone}</a>
          </>
        )}
        {callback.email !== undefined && (
          <>
            {' '}
            · <a href={`mailto:${callback.email}`}>{callback.email}</a>
          </>
        )}
      </Text>
    </Alert>
  );
}

/** What the signed order says, as the provider must execute it. */
export function ProviderOrderFacts({ order }: { readonly order: ProviderOrder }) {
  const { t } = useTranslation();
  const { terms } = order;
  const rows: [string, ReactNode][] = [
    [
      t('provider.legalSource'),
      `${order.legalSource.instrument} ${order.legalSource.article}${order.legalSource.paragraph === undefined ? '' : `(${order.legalSource.paragraph})`}`,
    ],
    [
      t('provider.authorisation'),
      `${terms.authorisation.body} (${terms.authorisation.reviewType}), ${terms.authorisation.decisionReference}`,
    ],
    [t('provider.grounds'), terms.grounds],
    [t('provider.identifiers'), terms.scope.identifiers.map(identifierText).join('; ') || '—'],
    [
      t('provider.dataCategories'),
      terms.scope.dataCategories.map((c) => t(`dataCategory.${c}`, { defaultValue: c })).join(', ') || '—',
    ],
    [
      t('provider.dateRange'),
      <>
        <ZonedTime iso={terms.scope.dateRange.from} /> → <ZonedTime iso={terms.scope.dateRange.to} /> (
        {terms.scope.dateRange.timeZone})
      </>,
    ],
  ];
  // Periods count from 0 on the wire; people count from 1.
  // Periods are numbered from 0 on the wire; people count from 1.
  if (order.periods.length > 0) {
    rows.push([
      t('provider.periods'),
      <>
        {order.periods.map((p) => (
          <div key={p.n}>
            {p.n + 1}. <ZonedTime iso={p.start} /> → <ZonedTime iso={p.end} />
          </div>
        ))}
      </>,
    ]);
  }
  if (terms.authorisedPeriod !== null) {
    rows.push([
      t('provider.authorisedPeriod'),
      <>
        <ZonedTime iso={terms.authorisedPeriod.start} /> → <ZonedTime iso={terms.authorisedPeriod.end} />
      </>,
    ]);
  }
  rows.push([
    t('provider.nonDisclosure'),
    !terms.nonDisclosure.required
      ? t('provider.no')
      : terms.nonDisclosure.until === null
        ? t('provider.yes')
        : t('provider.nonDisclosureUntil', { date: terms.nonDisclosure.until }),
  ]);
  return (
    <section aria-labelledby="order-facts">
      <Title order={2} size="h4" id="order-facts">
        {t('provider.facts')}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="30%">
                {label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
