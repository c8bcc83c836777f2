import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/queries.js';

/** The fraud desk's pages for fraud analysts and supervisors; anyone else who opens the address is told so. */
export function FraudDeskOnly({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loader aria-label={t('common.loading')} />;
  const permissions = session.data?.permissions ?? [];
  if (!permissions.includes('fraud-reports:read') || !permissions.includes('indicators:read')) {
    return (
      <Alert color="orange" role="alert" title={t('fraud.clustersTitle')}>
        {t('fraud.notAllowed')}
      </Alert>
    );
  }
  return <>{children}</>;
}
