import { Fieldset, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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

const hasSeconds = (local: string) => /T\d{2}:\d{2}:\d{2}/.test(local);

/** A period as two native date-time inputs in the officer's local time; the API gets UTC. */
export function PeriodInput({ legend, required, hint, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The start is what is missing when nothing or only the end was given; otherwise the end is at fault.
  const onFrom = error === 'validation.required' || (error === 'period.incomplete' && value.from.trim() === '');
  const message = error === undefined ? undefined : t(error);
  // Seconds the server holds (23:59:59) stay editable; otherwise minutes are enough.
  const step = hasSeconds(value.from) || hasSeconds(value.to) ? 1 : 60;
  return (
    <Fieldset legend={required ? `${legend} *` : legend}>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      <Group align="start" gap="sm" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t('period.from')}
          required={required}
          step={step}
          value={value.from}
          error={onFrom ? message : undefined}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
        />
        <TextInput
          type="datetime-local"
          label={t('period.to')}
          required={required}
          step={step}
          value={value.to}
          error={!onFrom ? message : undefined}
          onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
        />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('period.localTime', { zone })}
      </Text>
    </Fieldset>
  );
}
