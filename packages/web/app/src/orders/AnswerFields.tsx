import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DomesticOrder } from '../api/order-types.js';
import { objectionCodes, type ObjectionCode } from '../api/provider-types.js';
import { lastPeriodDay } from '../provider/ProviderActions.js';
import { formatLocalDate } from '../time/local-date.js';
import { LocalDateInput } from '../time/LocalDateInput.js';
import { answerChannels, recordableActions, type AnswerDraft, type RecordableAction } from './recorded-answer.js';

interface Props {
  readonly order: DomesticOrder;
  readonly draft: AnswerDraft;
  readonly onChange: (change: Partial<AnswerDraft>) => void;
  readonly documents: readonly { readonly id: string; readonly filename: string }[];
  readonly errorOf: (field: keyof AnswerDraft) => string | undefined;
}

/** What the provider answered, how and when it arrived, who gave it, and the document kept as evidence. */
export function AnswerFields({ order, draft, onChange, documents, errorOf }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('recordedAnswer.action')}
        required
        value={draft.action}
        onChange={(e) => onChange({ action: e.currentTarget.value as RecordableAction })}
        data={recordableActions(order).map((a) => ({ value: a, label: t(`orderAction.${a}`) }))}
      />
      {draft.action === 'confirm-preservation' && (
        <>
          <LocalDateInput
            label={t('provider.preservedUntil')}
            required
            value={draft.preservedUntil}
            onChange={(preservedUntil) => onChange({ preservedUntil })}
            description={t('provider.preservedUntilHint', {
              date: formatLocalDate(lastPeriodDay(order), i18n.language),
            })}
            error={errorOf('preservedUntil')}
          />
          <Textarea
            label={t('provider.preservedWhat')}
            required
            autosize
            minRows={2}
            value={draft.preservedWhat}
            onChange={(e) => onChange({ preservedWhat: e.currentTarget.value })}
            error={errorOf('preservedWhat')}
          />
        </>
      )}
      {draft.action === 'object' && (
        <>
          <NativeSelect
            label={t('provider.reasonCode')}
            required
            value={draft.reasonCode}
            onChange={(e) => onChange({ reasonCode: e.currentTarget.value as ObjectionCode })}
            data={objectionCodes.map((code) => ({ value: code, label: t(`objection.${code}`) }))}
          />
          <Textarea
            label={t('provider.note')}
            required
            autosize
            minRows={2}
            value={draft.note}
            onChange={(e) => onChange({ note: e.currentTarget.value })}
            error={errorOf('note')}
          />
        </>
      )}
      <NativeSelect
        label={t('recordedAnswer.channel')}
        required
        value={draft.channel}
        onChange={(e) => onChange({ channel: e.currentTarget.value as AnswerDraft['channel'] })}
        data={answerChannels.map((c) => ({ value: c, label: t(`answerChannel.${c}`) }))}
      />
      <LocalDateInput
        label={t('recordedAnswer.receivedAt')}
        withTime
        required
        value={draft.receivedAt}
        onChange={(receivedAt) => onChange({ receivedAt })}
        error={errorOf('receivedAt')}
      />
      <TextInput
        label={t('recordedAnswer.fromName')}
        required
        value={draft.fromName}
        onChange={(e) => onChange({ fromName: e.currentTarget.value })}
        error={errorOf('fromName')}
      />
      <TextInput
        label={t('recordedAnswer.fromRole')}
        value={draft.fromRole}
        onChange={(e) => onChange({ fromRole: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('recordedAnswer.document')}
        required
        value={draft.evidenceItemId}
        onChange={(e) => onChange({ evidenceItemId: e.currentTarget.value })}
        data={[{ value: '', label: '—' }, ...documents.map((d) => ({ value: d.id, label: d.filename }))]}
        error={errorOf('evidenceItemId') ?? (documents.length === 0 ? t('recordedAnswer.noDocument') : undefined)}
      />
    </Stack>
  );
}
