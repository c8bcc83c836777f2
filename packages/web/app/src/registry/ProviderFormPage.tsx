import { Alert, Anchor, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegistryProvider } from '../api/registry-queries.js';
import { useNodeProfile } from '../place/node-profile.js';
import { hrefOf } from '../routing/route.js';
import { ManagersOnly } from './ManagersOnly.js';
import { ProviderForm } from './ProviderForm.js';

function FormLoader({ id }: { readonly id: string | null }) {
  const { t } = useTranslation();
  const provider = useRegistryProvider(id);
  const place = useNodeProfile();
  if (provider.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if ((id !== null && provider.data === undefined) || place.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  return (
    <Stack>
      <Anchor href={hrefOf(id === null ? { page: 'providers' } : { page: 'provider', id })}>
        ← {id === null ? t('registry.back') : (provider.data?.legalName ?? '')}
      </Anchor>
      <ProviderForm provider={provider.data} nodeCountry={place.data?.country ?? ''} />
    </Stack>
  );
}

/** `#/providers/new` and `#/providers/<id>/edit`. */
export function ProviderFormPage({ id }: { readonly id: string | null }) {
  return (
    <ManagersOnly>
      <FormLoader id={id} />
    </ManagersOnly>
  );
}
