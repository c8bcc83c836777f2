import { MultiSelect, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ground } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { LocalDateInput } from '../time/LocalDateInput.js';
import { conditionKinds, type PayloadDraft, type PayloadField } from './action-payload.js';

interface Props {
  readonly fields: readonly PayloadField[];
  readonly draft: PayloadDraft;
  readonly errors: Partial<Record<PayloadField, string>>;
  readonly onChange: (draft: PayloadDraft) => void;
  /** The grounds the request's legal basis allows for this action (refusal or postponement). */
  readonly grounds: readonly Ground[];
}

/** The inputs an action's guards ask for, each labelled and with its error beside it. */
export function PayloadFields({ fields, draft, errors, onChange, grounds }: Props) {
  const { t, i18n } = useTranslation();
  const error = (field: PayloadField) => (errors[field] === undefined ? undefined : t(errors[field]));
  const text = (field: 'information' | 'reasons' | 'linkedRequestId' | 'thirdState', multiline: boolean) => {
    const props = { label: t(`payload.${field}`), value: draft[field], error: error(field), required: true };
    return multiline ? (
      <Textarea
        key={field}
        {...props}
        autosize
        minRows={3}
        onChange={(e) => onChange({ ...draft, [field]: e.currentTarget.value })}
      />
    ) : (
      <TextInput key={field} {...props} onChange={(e) => onChange({ ...draft, [field]: e.currentTarget.value })} />
    );
  };
  const date = (field: 'authorisedStart' | 'authorisedEnd') => (
    <LocalDateInput
      key={field}
      label={t(`payload.${field}`)}
      value={draft[field]}
      error={error(field)}
      required
      onChange={(value) => onChange({ ...draft, [field]: value })}
    />
  );
  return (
    <Stack>
      {fields.map((field) => {
        switch (field) {
          case 'information':
          case 'reasons':
            return text(field, true);
          case 'linkedRequestId':
          case 'thirdState':
            return text(field, false);
          case 'authorisedStart':
          case 'authorisedEnd':
            return date(field);
          case 'reasonCodes':
            return (
              <MultiSelect
                key={field}
                label={t('payload.reasonCodes')}
                required
                error={error(field)}
                value={[...draft.reasonCodes]}
                onChange={(reasonCodes) => onChange({ ...draft, reasonCodes })}
                data={grounds.map((g) => ({
                  value: g.code,
                  label: pick(g.title, i18n.language),
                }))}
              />
            );
          case 'requestedStateMaxPenaltyYears':
            return (
              <NumberInput
                key={field}
                label={t('payload.requestedStateMaxPenaltyYears')}
                description={t('payload.requestedStateMaxPenaltyYearsHint')}
                required
                min={0}
                max={100}
                decimalScale={1}
                value={draft.requestedStateMaxPenaltyYears}
                error={error(field)}
                onChange={(value) => onChange({ ...draft, requestedStateMaxPenaltyYears: String(value) })}
              />
            );
          case 'conditions':
            return (
              <Stack key={field} gap="xs">
                <Select
                  label={t('payload.conditionKind')}
                  value={draft.conditionKind}
                  allowDeselect={false}
                  onChange={(v) => onChange({ ...draft, conditionKind: v ?? draft.conditionKind })}
                  data={conditionKinds.map((k) => ({ value: k, label: t(`conditionKind.${k}`) }))}
                />
                <Textarea
                  label={t('payload.conditionText')}
                  required
                  value={draft.conditionText}
                  error={error(field)}
                  onChange={(e) => onChange({ ...draft, conditionText: e.currentTarget.value })}
                />
              </Stack>
            );
        }
      })}
      <Textarea
        label={t('payload.note')}
        value={draft.note}
        onChange={(e) => onChange({ ...draft, note: e.currentTarget.value })}
      />
    </Stack>
  );
}
