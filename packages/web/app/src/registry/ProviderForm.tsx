import { Alert, Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { dataCategories } from '../api/provider-types.js';
import { useSaveProvider, type ProviderView } from '../api/registry-queries.js';
import { navigate } from '../routing/route.js';
import { ContactsEditor } from './ContactsEditor.js';
import {
  answerLanguages,
  draftOf,
  missingFields,
  providerBody,
  providerChannels,
  providerTypes,
  serverErrors,
  type ProviderDraft,
} from './provider-form.js';

interface Props {
  readonly provider: ProviderView | undefined;
  readonly nodeCountry: string;
}

/**
 * Adds a provider to the registry or changes one: the form's own checks first, then the server's, each at its field.
 */
export function ProviderForm({ provider, nodeCountry }: Props) {
  const { t } = useTranslation();
  const save = useSaveProvider(provider?.id ?? null);
  const [draft, setDraft] = useState<ProviderDraft>(() => draftOf(provider, nodeCountry));
  const [tried, setTried] = useState(false);
  const set = (change: Partial<ProviderDraft>) => setDraft((d) => ({ ...d, ...change }));
  const missing = missingFields(draft);
  const refused = save.error instanceof ApiError ? serverErrors(save.error.fieldErrors) : new Map<string, string>();
  const errorAt = (path: string): string | undefined => {
    const own = tried ? missing.get(path) : undefined;
    if (own !== undefined) return own === 'chooseOne' ? t('providerForm.chooseOne') : t(`validation.${own}`);
    return refused.get(path);
  };
  const submit = () => {
    setTried(true);
    if (missing.size > 0) return;
    save.mutate(
      { ...providerBody(draft), active: draft.active },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'green', message: t('providerForm.saved', { name: view.legalName }) });
          navigate({ page: 'provider', id: view.id });
        },
      },
    );
  };
  const languages = [...new Set<string>([...answerLanguages, ...draft.languages])];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack maw={760}>
        <Title order={1} size="h2">
          {provider === undefined
            ? t('providerForm.addTitle')
            : t('providerForm.editTitle', { name: provider.legalName })}
        </Title>
        <TextInput
          label={t('registry.name')}
          required
          value={draft.legalName}
          onChange={(e) => set({ legalName: e.currentTarget.value })}
          error={errorAt('/legalName')}
        />
        <Group grow align="start" wrap="wrap">
          <TextInput
            label={t('registry.country')}
            description={t('providerForm.countryHint')}
            required
            maxLength={2}
            value={draft.country}
            onChange={(e) => set({ country: e.currentTarget.value.toUpperCase() })}
            error={errorAt('/country')}
          />
          <TextInput
            label={t('providerForm.registrationNumber')}
            value={draft.registrationNumber}
            onChange={(e) => set({ registrationNumber: e.currentTarget.value })}
            error={errorAt('/registrationNumber')}
          />
        </Group>
        <TextInput
          label={t('providerForm.legalRepresentative')}
          value={draft.legalRepresentative}
          onChange={(e) => set({ legalRepresentative: e.currentTarget.value })}
          error={errorAt('/legalRepresentative')}
        />
        <NativeSelect
          label={t('registry.type')}
          required
          value={draft.type}
          onChange={(e) => set({ type: e.currentTarget.value as ProviderDraft['type'] })}
          data={[
            { value: '', label: '—' },
            ...providerTypes.map((type) => ({ value: type, label: t(`providerType.${type}`) })),
          ]}
          error={errorAt('/type')}
        />
        <Checkbox.Group
          label={t('registry.dataCategories')}
          withAsterisk
          value={[...draft.dataCategories]}
          onChange={(value) => set({ dataCategories: value as ProviderDraft['dataCategories'] })}
          error={errorAt('/dataCategories')}
        >
          <Group mt="xs">
            {dataCategories.map((c) => (
              <Checkbox key={c} value={c} label={t(`dataCategory.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group
          label={t('registry.channel')}
          withAsterisk
          value={draft.channel}
          onChange={(value) => set({ channel: value as ProviderDraft['channel'] })}
          error={errorAt('/channel')}
        >
          <Group mt="xs">
            {providerChannels.map((c) => (
              <Radio key={c} value={c} label={t(`providerChannel.${c}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t('providerForm.languages')}
          withAsterisk
          value={[...draft.languages]}
          onChange={(value) => set({ languages: value })}
          error={errorAt('/languages')}
        >
          <Group mt="xs">
            {languages.map((code) => (
              <Checkbox key={code} value={code} label={t(`language.${code}`, { defaultValue: code })} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text fw={500}>{t('providerForm.contacts')}</Text>
        <ContactsEditor contacts={draft.contacts} onChange={(contacts) => set({ contacts })} errorAt={errorAt} />
        {provider !== undefined && (
          <Checkbox
            label={t('providerForm.active')}
            checked={draft.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
        )}
        {tried && missing.size > 0 && (
          <Alert color="red" role="alert">
            {t('providerForm.fixErrors', { count: missing.size })}
          </Alert>
        )}
        {save.error !== null && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {provider === undefined ? t('providerForm.submitAdd') : t('providerForm.submitEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
