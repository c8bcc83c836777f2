import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistryProvider, type ProviderView } from '../api/registry-queries.js';
import { FactsTable } from '../records/FactsTable.js';
import { hrefOf } from '../routing/route.js';
import { ManagersOnly } from './ManagersOnly.js';
import { ProviderMembers } from './ProviderMembers.js';

function Facts({ provider: p }: { readonly provider: ProviderView }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('registry.country'), p.country],
    [t('registry.type'), t(`providerType.${p.type}`)],
    [t('providerForm.registrationNumber'), p.registrationNumber ?? '—'],
    [t('providerForm.legalRepresentative'), p.legalRepresentative ?? '—'],
    [t('registry.dataCategories'), p.dataCategories.map((c) => t(`dataCategory.${c}`)).join(', ')],
    [t('registry.channel'), t(`providerChannel.${p.channel}`)],
    [t('providerForm.languages'), p.languages.map((code) => t(`language.${code}`, { defaultValue: code })).join(', ')],
  ];
  return <FactsTable rows={rows} labelWidth="35%" />;
}

function Contacts({ provider }: { readonly provider: ProviderView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {provider.contacts.map((c, i) => (
        <Text key={i} size="sm">
          <strong>{t(`contactRole.${c.role}`, { defaultValue: c.role })}</strong>: {c.name}
          {c.email !== undefined && ` · ${c.email}`}
          {c.phone !== undefined && ` · ${c.phone}`}
        </Text>
      ))}
    </Stack>
  );
}

function Provider({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const provider = useRegistryProvider(id);
  if (provider.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (provider.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const p = provider.data;
  return (
    <Stack>
      <Anchor href={hrefOf({ page: 'providers' })}>← {t('registry.back')}</Anchor>
      <Group justify="space-between" align="start">
        <Title order={1} size="h2">
          {p.legalName}
        </Title>
        <Group>
          <Badge variant="light" color={p.active ? 'green' : 'gray'} tt="none" size="lg">
            {p.active ? t('registry.active') : t('registry.inactive')}
          </Badge>
          <Button component="a" variant="default" href={hrefOf({ page: 'provider-form', id: p.id })}>
            {t('registry.edit')}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Title order={2} size="h4">
              {t('providerPage.details')}
            </Title>
            <Facts provider={p} />
            <Title order={2} size="h4">
              {t('providerPage.contacts')}
            </Title>
            <Contacts provider={p} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <section aria-labelledby="provider-members">
            <Title order={2} size="h4" id="provider-members" mb="xs">
              {t('providerPage.membersTitle')}
            </Title>
            <ProviderMembers provider={p} />
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `#/providers/<id>`: one provider of the registry, its details and the users acting for it. */
export function ProviderPage({ id }: { readonly id: string }) {
  return (
    <ManagersOnly>
      <Provider id={id} />
    </ManagersOnly>
  );
}
