import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarDate, zonedDateTime } from '../time/format.js';
import { IdentifierTable } from './IdentifierTable.js';
import { readableValue, type ReadableValue } from './readable-value.js';

/** A moment of a record in the officer's zone, the zone named so a printout or a partner reads it right. */
export function RecordInstant({ iso }: { readonly iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{zonedDateTime(iso, i18n.language)}</time>;
}

/** A period in the officer's zone, each end with its zone named. */
export function RecordRange({ from, to }: { readonly from: string; readonly to: string }) {
  const { t, i18n } = useTranslation();
  return <>{t('records.range', { from: zonedDateTime(from, i18n.language), to: zonedDateTime(to, i18n.language) })}</>;
}

/** "1.250.000 US$" / "US$1,250,000": an amount as the reader's language writes money. */
const money = (amount: number, currency: string, language: string): string => {
  try {
    return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency }).format(amount);
  } catch {
    // A code Intl does not know still reads as an amount and its code.
    return `${amount} ${currency}`;
  }
};

function Shown({ value }: { readonly value: ReadableValue }) {
  const { t, i18n } = useTranslation();
  switch (value.kind) {
    case 'text':
      // A choice from a fixed list (a measure, a type of assistance) is a code: it has words.
      return <>{i18n.exists(`choice.${value.text}`) ? t(`choice.${value.text}`) : value.text}</>;
    case 'day':
      return <>{calendarDate(value.day, i18n.language)}</>;
    case 'money':
      return <>{money(value.amount, value.currency, i18n.language)}</>;
    case 'yes-no':
      return <>{value.value ? t('records.yes') : t('records.no')}</>;
    case 'instant':
      return <RecordInstant iso={value.iso} />;
    case 'range':
      return <RecordRange from={value.from} to={value.to} />;
    case 'categories':
      return <>{value.categories.map((c) => t(`dataCategory.${c}`)).join(', ')}</>;
    case 'confidentiality':
      return (
        <>
          {value.requested ? t('records.confidentialityRequested') : t('records.confidentialityNotRequested')}{' '}
          {value.noUserNotification ? t('records.noUserNotification') : t('records.userMayBeNotified')}
        </>
      );
    case 'identifiers':
      return <IdentifierTable identifiers={value.identifiers} />;
    case 'list':
      return (
        <Stack gap={2}>
          {value.items.map((item, index) => (
            <div key={index}>
              <Shown value={item} />
            </div>
          ))}
        </Stack>
      );
    case 'fields':
      return (
        <Stack gap={2}>
          {value.fields.map(([name, item]) => (
            <Text key={name} size="sm" component="div">
              {t(`recordKey.${name}`, { defaultValue: name })}: <Shown value={item} />
            </Text>
          ))}
        </Stack>
      );
  }
}

/** Any stored value of a record as a reader expects it, never as JSON or a raw timestamp. */
export function RecordValue({ value }: { readonly value: unknown }) {
  return <Shown value={readableValue(value)} />;
}
