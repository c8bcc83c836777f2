import { Fieldset, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalDateInput } from '../time/LocalDateInput.js';
import type { RangeInput } from './date-range.js';

interface Props {
  readonly legend: string;
  readonly required: boolean;
  readonly hint: string;
  readonly value: RangeInput;
  /** A message key from draft-validation, shown on the input the officer must fix. */
  readonly error: string | undefined;
  readonly onChange: (value: RangeInput) => void;
}

/** A period as two date-time fields in the officer's local time and the app's date order; the API gets UTC. */
export function PeriodInput({ legend, required, hint, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The start is what is missing when nothing or only the end was given; otherwise the end is at fault.
  const onFrom = error === 'validation.required' || (error === 'period.incomplete' && value.from.trim() === '');
  const message = error === undefined ? undefined : t(error);
  return (
    <Fieldset legend={required ? `${legend} *` : legend}>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      <Group align="start" gap="sm" wrap="wrap">
        <LocalDateInput
          withTime
          label={t('period.from')}
          required={required}
          value={value.from}
          error={onFrom ? message : undefined}
          onChange={(from) => onChange({ ...value, from })}
        />
        <LocalDateInput
          withTime
          label={t('period.to')}
          required={required}
          value={value.to}
          error={!onFrom ? message : undefined}
          onChange={(to) => onChange({ ...value, to })}
        />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('period.localTime', { zone })}
      </Text>
    </Fieldset>
  );
}
