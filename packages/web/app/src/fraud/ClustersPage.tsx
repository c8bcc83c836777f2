import { Alert, Anchor, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFraudClusters, type ClusterSort, type FraudClusterSummary } from '../api/fraud-queries.js';
import { hrefOf } from '../routing/route.js';
import { calendarDate } from '../time/format.js';
import { FraudDeskOnly } from './FraudDeskOnly.js';
import { scamTypeWords, vnd } from './fraud-words.js';

function ClusterRow({ cluster }: { readonly cluster: FraudClusterSummary }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null) => (iso === null ? t('fraud.none') : calendarDate(iso, i18n.language));
  return (
    <Table.Tr data-cluster={cluster.id}>
      <Table.Td>
        <Anchor href={hrefOf({ page: 'fraud-cluster', id: cluster.id })}>
          {t('fraud.cluster')} {day(cluster.firstSeen)}
        </Anchor>
      </Table.Td>
      <Table.Td>{cluster.reportCount}</Table.Td>
      <Table.Td>{cluster.victimCount}</Table.Td>
      <Table.Td>{vnd(cluster.lossVnd, i18n.language)}</Table.Td>
      <Table.Td>{cluster.scamTypes.map((s) => scamTypeWords(s.value, i18n.language)).join(', ')}</Table.Td>
      <Table.Td>{cluster.provinces.map((p) => p.value).join(', ') || t('fraud.none')}</Table.Td>
      <Table.Td>{day(cluster.lastSeen)}</Table.Td>
    </Table.Tr>
  );
}

function Clusters() {
  const { t } = useTranslation();
  const [sort, setSort] = useState<ClusterSort>('last-seen');
  const clusters = useFraudClusters(sort);
  const list = clusters.data?.clusters;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('fraud.clustersTitle')}
      </Title>
      <Text c="dimmed">{t('fraud.clustersHint')}</Text>
      <SegmentedControl
        aria-label={t('fraud.sortBy')}
        value={sort}
        onChange={(value) => setSort(value === 'loss' ? 'loss' : 'last-seen')}
        data={[
          { value: 'last-seen', label: t('fraud.sortLastSeen') },
          { value: 'loss', label: t('fraud.sortLoss') },
        ]}
        maw={480}
      />
      {clusters.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {list === undefined ? (
        !clusters.isError && <Loader aria-label={t('common.loading')} />
      ) : list.length === 0 ? (
        <Text c="dimmed">{t('fraud.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fraud.cluster')}</Table.Th>
                <Table.Th>{t('fraud.reports')}</Table.Th>
                <Table.Th>{t('fraud.victims')}</Table.Th>
                <Table.Th>{t('fraud.losses')}</Table.Th>
                <Table.Th>{t('fraud.scamTypes')}</Table.Th>
                <Table.Th>{t('fraud.provinces')}</Table.Th>
                <Table.Th>{t('fraud.lastSeen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <ClusterRow key={c.id} cluster={c} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">
        {t('fraud.lossesNote')}
      </Text>
    </Stack>
  );
}

/** `#/fraud/clusters`: the clusters of fraud reports, for the fraud desk. */
export function ClustersPage() {
  return (
    <FraudDeskOnly>
      <Clusters />
    </FraudDeskOnly>
  );
}
