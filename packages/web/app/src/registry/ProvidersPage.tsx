import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberCounts, useRegistry, type ProviderView } from '../api/registry-queries.js';
import { hrefOf } from '../routing/route.js';
import { ManagersOnly } from './ManagersOnly.js';

/** The words a provider is found by, as its row shows them in the reader's language. */
function wordsOf(p: ProviderView, t: (key: string) => string): string {
  return [
    p.legalName,
    p.country,
    t(`providerType.${p.type}`),
    t(`providerChannel.${p.channel}`),
    ...p.dataCategories.map((c) => t(`dataCategory.${c}`)),
  ]
    .join(' ')
    .toLocaleLowerCase();
}

function RegistryTable({ providers }: { readonly providers: readonly ProviderView[] }) {
  const { t } = useTranslation();
  const counts = useMemberCounts(providers.map((p) => p.id));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.name')}</Table.Th>
            <Table.Th>{t('registry.type')}</Table.Th>
            <Table.Th>{t('registry.dataCategories')}</Table.Th>
            <Table.Th>{t('registry.channel')}</Table.Th>
            <Table.Th>{t('registry.members')}</Table.Th>
            <Table.Th>{t('registry.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {providers.map((p) => (
            <Table.Tr key={p.id} data-provider={p.legalName}>
              <Table.Td>
                <Anchor href={hrefOf({ page: 'provider', id: p.id })}>{p.legalName}</Anchor> ({p.country})
              </Table.Td>
              <Table.Td>{t(`providerType.${p.type}`)}</Table.Td>
              <Table.Td>{p.dataCategories.map((c) => t(`dataCategory.${c}`)).join(', ')}</Table.Td>
              <Table.Td>{t(`providerChannel.${p.channel}`)}</Table.Td>
              <Table.Td>{counts.get(p.id) ?? '…'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={p.active ? 'green' : 'gray'} tt="none">
                  {p.active ? t('registry.active') : t('registry.inactive')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Registry() {
  const { t } = useTranslation();
  const registry = useRegistry();
  const [search, setSearch] = useState('');
  const all = registry.data ?? [];
  const words = search.trim().toLocaleLowerCase();
  const shown = words === '' ? all : all.filter((p) => wordsOf(p, t).includes(words));
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('registry.title')}
        </Title>
        <Button component="a" href={hrefOf({ page: 'provider-form', id: null })}>
          {t('registry.add')}
        </Button>
      </Group>
      <TextInput
        label={t('registry.search')}
        description={t('registry.searchHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {registry.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {registry.data === undefined ? (
        !registry.isError && <Loader aria-label={t('common.loading')} />
      ) : all.length === 0 ? (
        <Text c="dimmed">{t('registry.empty')}</Text>
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('registry.noMatch')}</Text>
      ) : (
        <RegistryTable providers={shown} />
      )}
    </Stack>
  );
}

/** `#/providers`: the national registry of service providers, for those who keep it. */
export function ProvidersPage() {
  return (
    <ManagersOnly>
      <Registry />
    </ManagersOnly>
  );
}
