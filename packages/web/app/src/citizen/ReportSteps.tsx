import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { IndicatorType } from '@hanoi247/core';
import { firstContactChannels, indicatorTypes, scamTypeCodes, scamTypeLabels } from '@hanoi247/core/browser';
import { useTranslation } from 'react-i18next';
import { LocalDateInput } from '../time/LocalDateInput.js';
import {
  citizenIdentifierTypes,
  emptyIdentifier,
  emptyTransfer,
  identifierProblem,
  transferProblem,
  type IdentifierDraft,
  type ReportDraft,
  type TransferDraft,
} from './report-draft.js';

export interface StepProps {
  readonly draft: ReportDraft;
  readonly change: (patch: Partial<ReportDraft>) => void;
  readonly problems?: readonly string[];
}

const labelOf = (type: string, language: string) =>
  indicatorTypes[type as IndicatorType].label[language === 'vi' ? 'vi' : 'en'];

/** Step 1: what happened, the kind of scam, how they first made contact, when, and where the reporter lives. */
export function WhatStep({ draft, change, problems = [] }: StepProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'vi' ? 'vi' : 'en';
  const error = (key: string) => (problems.includes(key) ? t(key) : undefined);
  return (
    <Stack>
      <Textarea
        label={t('citizen.narrative')}
        description={t('citizen.narrativeHint')}
        autosize
        minRows={4}
        maxLength={8000}
        required
        value={draft.narrative}
        error={error('citizen.needNarrative')}
        onChange={(e) => change({ narrative: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('citizen.scamType')}
        required
        value={draft.scamType}
        error={error('citizen.needScamType')}
        data={[
          { value: '', label: t('citizen.choose') },
          ...scamTypeCodes.map((code) => ({ value: code, label: scamTypeLabels[code][lang] })),
        ]}
        onChange={(e) => change({ scamType: e.currentTarget.value as ReportDraft['scamType'] })}
      />
      <NativeSelect
        label={t('citizen.firstContact')}
        required
        value={draft.firstContact}
        error={error('citizen.needFirstContact')}
        data={[
          { value: '', label: t('citizen.choose') },
          ...firstContactChannels.map((code) => ({ value: code, label: t(`firstContact.${code}`) })),
        ]}
        onChange={(e) => change({ firstContact: e.currentTarget.value as ReportDraft['firstContact'] })}
      />
      <LocalDateInput
        label={t('citizen.when')}
        withTime
        required
        value={draft.occurredAt}
        error={error('citizen.needWhen')}
        onChange={(occurredAt) => change({ occurredAt })}
      />
      <TextInput
        label={t('citizen.province')}
        maxLength={100}
        value={draft.province}
        onChange={(e) => change({ province: e.currentTarget.value })}
      />
    </Stack>
  );
}

function TransferCard(props: {
  readonly index: number;
  readonly transfer: TransferDraft;
  readonly update: (patch: Partial<TransferDraft>) => void;
  readonly remove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { transfer, update } = props;
  const problem = transferProblem(transfer);
  const payeeProblem = identifierProblem(transfer.payeeType, transfer.payeeValue, transfer.payeeBank);
  const text = (key: keyof TransferDraft, label: string, max = 200) => (
    <TextInput
      label={t(label)}
      maxLength={max}
      value={transfer[key]}
      onChange={(e) => update({ [key]: e.currentTarget.value })}
    />
  );
  return (
    <Card withBorder component="fieldset" aria-label={t('citizen.transfer', { number: props.index + 1 })}>
      <Stack gap="xs">
        <Text fw={600}>{t('citizen.transfer', { number: props.index + 1 })}</Text>
        <LocalDateInput
          label={t('citizen.transferAt')}
          withTime
          value={transfer.at}
          error={problem === 'citizen.needTransferTime' ? t(problem) : undefined}
          onChange={(at) => update({ at })}
        />
        <Group grow align="start">
          <TextInput
            label={t('citizen.amount')}
            inputMode="decimal"
            value={transfer.amount}
            error={problem === 'citizen.badAmount' ? t(problem) : undefined}
            onChange={(e) => update({ amount: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('citizen.currency')}
            value={transfer.currency}
            data={['VND', 'USD', 'EUR', 'CNY'].map((c) => ({ value: c, label: c }))}
            onChange={(e) => update({ currency: e.currentTarget.value })}
          />
        </Group>
        {text('payerInstitution', 'citizen.payer')}
        <NativeSelect
          label={t('citizen.payeeType')}
          value={transfer.payeeType}
          data={(['vn-account', 'e-wallet', 'iban'] as const).map((c) => ({
            value: c,
            label: labelOf(c, i18n.language),
          }))}
          onChange={(e) => update({ payeeType: e.currentTarget.value as TransferDraft['payeeType'] })}
        />
        <TextInput
          label={t('citizen.payeeValue')}
          maxLength={200}
          value={transfer.payeeValue}
          error={payeeProblem === null ? undefined : t('citizen.identifierInvalid')}
          onChange={(e) => update({ payeeValue: e.currentTarget.value })}
        />
        {text('payeeBank', 'citizen.payeeBank', 100)}
        {text('transactionReference', 'citizen.reference', 100)}
        <Button variant="subtle" color="red" onClick={props.remove}>
          {t('citizen.removeTransfer')}
        </Button>
      </Stack>
    </Card>
  );
}

/** Step 2: each transfer of money lost, repeatable. */
export function MoneyStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  const set = (transfers: readonly TransferDraft[]) => change({ transfers });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('citizen.noTransfers')}
      </Text>
      {draft.transfers.map((transfer, index) => (
        <TransferCard
          key={index}
          index={index}
          transfer={transfer}
          update={(patch) => set(draft.transfers.map((x, i) => (i === index ? { ...x, ...patch } : x)))}
          remove={() => set(draft.transfers.filter((_, i) => i !== index))}
        />
      ))}
      {draft.transfers.length < 20 && (
        <Button variant="light" onClick={() => set([...draft.transfers, emptyTransfer])}>
          {t('citizen.addTransfer')}
        </Button>
      )}
    </Stack>
  );
}

function IdentifierRow(props: {
  readonly identifier: IdentifierDraft;
  readonly update: (patch: Partial<IdentifierDraft>) => void;
  readonly remove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { identifier, update } = props;
  const problem = identifierProblem(identifier.type, identifier.value, identifier.bank);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <NativeSelect
          label={t('citizen.identifierType')}
          value={identifier.type}
          data={citizenIdentifierTypes.map((c) => ({ value: c, label: labelOf(c, i18n.language) }))}
          onChange={(e) => update({ type: e.currentTarget.value })}
        />
        <TextInput
          label={t('citizen.identifierValue')}
          maxLength={2000}
          value={identifier.value}
          error={problem === null ? undefined : t('citizen.identifierInvalid')}
          onChange={(e) => update({ value: e.currentTarget.value })}
        />
        <TextInput
          label={t('citizen.identifierBank')}
          maxLength={100}
          value={identifier.bank}
          onChange={(e) => update({ bank: e.currentTarget.value })}
        />
        <Button variant="subtle" color="red" onClick={props.remove}>
          {t('citizen.removeIdentifier')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The scammer's identifiers, each checked with the node's normalisers as it is typed. */
export function IdentifierList(props: {
  readonly identifiers: readonly IdentifierDraft[];
  readonly set: (identifiers: readonly IdentifierDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { identifiers, set } = props;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('citizen.identifiersHelp')}
      </Text>
      {identifiers.map((identifier, index) => (
        <IdentifierRow
          key={index}
          identifier={identifier}
          update={(patch) => set(identifiers.map((x, i) => (i === index ? { ...x, ...patch } : x)))}
          remove={() => set(identifiers.filter((_, i) => i !== index))}
        />
      ))}
      {identifiers.length < 20 && (
        <Button variant="light" onClick={() => set([...identifiers, emptyIdentifier])}>
          {t('citizen.addIdentifier')}
        </Button>
      )}
    </Stack>
  );
}
