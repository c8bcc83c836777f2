import { Alert, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderOrder } from '../api/provider-types.js';
import { IdentifierTable } from '../records/IdentifierTable.js';
import { identifierRow, type IdentifierRow } from '../records/readable-value.js';
import { FactsTable } from '../records/FactsTable.js';
import { RecordRange } from '../records/RecordValue.js';
import { calendarDate, zonedDateTime } from '../time/format.js';

/**
 * The emergency call-back block: the provider must be able to verify an emergency order by phone before acting on it.
 */
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

/** What the signed order says, as the provider must execute it (and as the issuing desk reads it back). */
export function ProviderOrderFacts({
  order,
}: {
  readonly order: Pick<ProviderOrder, 'terms' | 'legalSource' | 'periods'>;
}) {
  const { t, i18n } = useTranslation();
  const { terms } = order;
  const source = order.legalSource;
  const identifiers = terms.scope.identifiers.map(identifierRow).filter((r): r is IdentifierRow => r !== null);
  // The order's own zone: the provider's logs are searched in it (core's order input names it).
  const inOrderZone = (iso: string) => zonedDateTime(iso, i18n.language, terms.scope.dateRange.timeZone);
  const rows: [string, ReactNode][] = [
    [
      t('provider.legalSource'),
      `${t(`instrument.${source.instrument}`, { defaultValue: source.instrument })} ${t('records.article', {
        number: `${source.article}${source.paragraph === undefined ? '' : `(${source.paragraph})`}`,
      })}`,
    ],
    [
      t('provider.authorisation'),
      `${terms.authorisation.body} (${t(`reviewType.${terms.authorisation.reviewType}`, {
        defaultValue: terms.authorisation.reviewType,
      })}), ${terms.authorisation.decisionReference}`,
    ],
    [t('provider.grounds'), terms.grounds],
    [t('provider.identifiers'), identifiers.length === 0 ? '—' : <IdentifierTable identifiers={identifiers} />],
    [
      t('provider.dataCategories'),
      terms.scope.dataCategories.map((c) => t(`dataCategory.${c}`, { defaultValue: c })).join(', ') || '—',
    ],
    [
      t('provider.dateRange'),
      t('records.range', {
        from: inOrderZone(terms.scope.dateRange.from),
        to: inOrderZone(terms.scope.dateRange.to),
      }),
    ],
  ];
  // Periods are numbered from 0 on the wire; people count from 1.
  if (order.periods.length > 0) {
    rows.push([
      t('provider.periods'),
      <>
        {order.periods.map((p) => (
          <div key={p.n}>
            {p.n + 1}. <RecordRange from={p.start} to={p.end} />
          </div>
        ))}
      </>,
    ]);
  }
  if (terms.authorisedPeriod !== null) {
    rows.push([
      t('provider.authorisedPeriod'),
      <RecordRange from={terms.authorisedPeriod.start} to={terms.authorisedPeriod.end} />,
    ]);
  }
  rows.push([
    t('provider.nonDisclosure'),
    !terms.nonDisclosure.required
      ? t('provider.no')
      : terms.nonDisclosure.until === null
        ? t('provider.yes')
        : t('provider.nonDisclosureUntil', { date: calendarDate(terms.nonDisclosure.until, i18n.language) }),
  ]);
  return (
    <section aria-labelledby="order-facts">
      <Title order={2} size="h4" id="order-facts">
        {t('provider.facts')}
      </Title>
      <FactsTable rows={rows} />
    </section>
  );
}
