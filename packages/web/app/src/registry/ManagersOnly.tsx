import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/queries.js';

/** The registry's pages for those who keep it; anyone else who opens the address is told so, not shown a blank. */
export function ManagersOnly({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loader aria-label={t('common.loading')} />;
  if (session.data?.permissions.includes('providers:manage') !== true) {
    return (
      <Alert color="orange" role="alert" title={t('registry.title')}>
        {t('registry.notAllowed')}
      </Alert>
    );
  }
  return <>{children}</>;
}
