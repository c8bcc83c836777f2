import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useOrderFromRequest, useProviders } from '../api/order-queries.js';
import { dataCategories } from '../api/provider-types.js';
import type { RequestView } from '../api/types.js';
import { rangeError, rangeToApi } from '../drafting/date-range.js';
import { PeriodInput } from '../drafting/PeriodInput.js';
import { IdentifierTable } from '../records/IdentifierTable.js';
import { identifierRow, type IdentifierRow } from '../records/readable-value.js';
import { navigate } from '../routing/route.js';
import { zonedDateTime } from '../time/format.js';
import {
  draftFromRequest,
  isPreservation,
  maximumPreservationDays,
  minimumPreservationDays,
  missingFields,
  orderBody,
  reviewTypes,
  type DataCategory,
  type OrderDraft,
  type ReviewType,
} from './order-draft.js';

/** The order's terms: the request's scope shown as it will be ordered, the officer's choices beside it. */
export function OrderForm({ request, officerZone }: { readonly request: RequestView; readonly officerZone: string }) {
  const { t, i18n } = useTranslation();
  const providers = useProviders();
  const issue = useOrderFromRequest(request.id);
  const [draft, setDraft] = useState<OrderDraft>(() => draftFromRequest(request, officerZone));
  const [tried, setTried] = useState(false);
  const set = (change: Partial<OrderDraft>) => setDraft((d) => ({ ...d, ...change }));
  const missing = missingFields(request, draft);
  const errorOf = (field: keyof OrderDraft) => (tried && missing.includes(field) ? t('orderForm.required') : undefined);
  const range = rangeToApi(draft.range);
  const identifiers = (Array.isArray(request.details['identifiers']) ? request.details['identifiers'] : [])
    .map(identifierRow)
    .filter((r): r is IdentifierRow => r !== null);
  const zones = [...new Set([draft.timeZone, officerZone, 'UTC', ...Intl.supportedValuesOf('timeZone')])];
  const submit = () => {
    setTried(true);
    if (missing.length > 0) return;
    issue.mutate(orderBody(request, draft), {
      onSuccess: (made) => {
        const first = made.orders[0];
        navigate(first === undefined ? { page: 'request', id: request.id } : { page: 'order', id: first.id });
      },
    });
  };
  const failure = issue.error instanceof ApiError ? issue.error.message : issue.error?.message;

  return (
    <Stack>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w="30%">
              {t('draft.legalBasis')}
            </Table.Th>
            <Table.Td>{t(`legalBasis.${request.legalBasis}`, { defaultValue: request.legalBasis })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('provider.identifiers')}</Table.Th>
            <Table.Td>
              {identifiers.length === 0 ? t('orderForm.none') : <IdentifierTable identifiers={identifiers} />}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('provider.dateRange')}</Table.Th>
            <Table.Td data-testid="order-range">
              {range === undefined
                ? t('orderForm.none')
                : t('records.range', {
                    from: zonedDateTime(range.from, i18n.language, draft.timeZone),
                    to: zonedDateTime(range.to, i18n.language, draft.timeZone),
                  })}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Select
        label={t('orderForm.provider')}
        placeholder={t('orderForm.providerPlaceholder')}
        searchable
        required
        data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.legalName }))}
        value={draft.providerId}
        onChange={(providerId) => set({ providerId })}
        error={errorOf('providerId') ?? (providers.isError ? t('common.loadFailed') : undefined)}
      />
      <PeriodInput
        legend={t('provider.dateRange')}
        required
        hint={t('orderForm.rangeHint')}
        value={draft.range}
        error={tried ? (rangeError(draft.range, true) ?? undefined) : undefined}
        onChange={(value) => set({ range: value })}
      />
      <Select
        label={t('orderForm.timeZone')}
        description={t('orderForm.timeZoneHint')}
        searchable
        data={zones}
        value={draft.timeZone}
        onChange={(zone) => set({ timeZone: zone ?? officerZone })}
        allowDeselect={false}
      />
      <Checkbox.Group
        label={t('provider.dataCategories')}
        value={[...draft.dataCategories]}
        onChange={(values) => set({ dataCategories: dataCategories.filter((c) => values.includes(c)) })}
        error={errorOf('dataCategories')}
      >
        <Group mt="xs">
          {dataCategories.map((c: DataCategory) => (
            <Checkbox key={c} value={c} label={t(`dataCategory.${c}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        label={t('orderForm.authorityBody')}
        required
        value={draft.authorityBody}
        onChange={(e) => set({ authorityBody: e.currentTarget.value })}
        error={errorOf('authorityBody')}
      />
      <Select
        label={t('orderForm.reviewType')}
        data={reviewTypes.map((r) => ({ value: r, label: t(`reviewType.${r}`) }))}
        value={draft.reviewType}
        onChange={(r) => set({ reviewType: (r ?? 'JUDICIAL') as ReviewType })}
        allowDeselect={false}
      />
      <TextInput
        label={t('orderForm.decisionReference')}
        required
        value={draft.decisionReference}
        onChange={(e) => set({ decisionReference: e.currentTarget.value })}
        error={errorOf('decisionReference')}
      />
      <Textarea
        label={t('provider.grounds')}
        autosize
        minRows={3}
        required
        value={draft.grounds}
        onChange={(e) => set({ grounds: e.currentTarget.value })}
        error={errorOf('grounds')}
      />
      {isPreservation(request) && (
        <NumberInput
          label={t('orderForm.durationDays')}
          description={t('orderForm.durationHint', { min: minimumPreservationDays, max: maximumPreservationDays })}
          min={minimumPreservationDays}
          max={maximumPreservationDays}
          value={draft.durationDays}
          onChange={(n) => set({ durationDays: typeof n === 'number' ? n : Number(n) })}
          error={errorOf('durationDays')}
        />
      )}
      <Checkbox
        label={t('orderForm.nonDisclosure')}
        checked={draft.nonDisclosure}
        onChange={(e) => set({ nonDisclosure: e.currentTarget.checked })}
      />
      {tried && missing.length > 0 && <Text c="red">{t('orderForm.fixErrors', { count: missing.length })}</Text>}
      {failure !== undefined && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={issue.isPending}>
          {t('orderForm.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
