import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api/types.js';
import { hrefOf } from '../routing/route.js';

/**
 * The desk's pages (inbox, requests, orders, dashboard) for roles that work requests. An administrator or an auditor
 * who lands on them is told why they are not theirs and where their own work is, instead of a page of refused calls.
 */
export function DeskOnly({ session, children }: { readonly session: SessionView; readonly children: ReactNode }) {
  const { t } = useTranslation();
  if (session.permissions.includes('requests:read')) return <>{children}</>;
  const keepsRegistry = session.permissions.includes('providers:manage');
  const worksFraud = session.permissions.includes('fraud-reports:read');
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1}>{t('access.notDeskTitle')}</Title>
      <Text>{t('access.notDesk')}</Text>
      <Group gap="md">
        {keepsRegistry && <Anchor href={hrefOf({ page: 'providers' })}>{t('registry.title')}</Anchor>}
        {worksFraud && <Anchor href={hrefOf({ page: 'fraud-clusters' })}>{t('fraud.clustersTitle')}</Anchor>}
        <Anchor href={hrefOf({ page: 'directory' })}>{t('nav.directory')}</Anchor>
      </Group>
    </Stack>
  );
}
