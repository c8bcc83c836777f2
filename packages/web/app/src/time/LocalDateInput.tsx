import { TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, localDatePattern, parseLocalDate } from './local-date.js';

interface Props {
  readonly label: string;
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm[:ss]` with `withTime`; '' for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly withTime?: boolean;
  readonly required?: boolean;
  readonly error?: ReactNode;
  readonly description?: ReactNode;
}

/**
 * A date (and time) typed in the app's language's order — dd/mm/yyyy in Vietnamese — instead of
 * the browser's native input, which follows the browser's locale (mm/dd on many machines). It
 * reports the same values the native inputs did, and '' while the entry is not a whole date.
 */
export function LocalDateInput({ label, value, onChange, withTime = false, required, error, description }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // What the officer typed, kept while it is not a whole date; replaced when the value or language changes from
  // outside.
  const [typed, setTyped] = useState({ text: formatLocalDate(value, language), value, language });
  let text = typed.text;
  if (typed.value !== value || typed.language !== language) {
    text = formatLocalDate(value, language);
    setTyped({ text, value, language });
  }
  const pattern = localDatePattern(language, withTime, {
    day: t('dateInput.day'),
    month: t('dateInput.month'),
    year: t('dateInput.year'),
  });
  return (
    <TextInput
      label={label}
      required={required ?? false}
      value={text}
      placeholder={pattern}
      inputMode="numeric"
      autoComplete="off"
      description={description ?? t('dateInput.format', { pattern })}
      error={error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        const parsed = parseLocalDate(next, language, withTime);
        setTyped({ text: next, value: parsed, language });
        if (parsed !== value) onChange(parsed);
      }}
    />
  );
}
