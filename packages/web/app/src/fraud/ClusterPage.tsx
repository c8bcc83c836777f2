import { Alert, Anchor, Badge, Group, Loader, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFraudCluster, type FraudClusterView } from '../api/fraud-queries.js';
import { hrefOf } from '../routing/route.js';
import { calendarDate, localTime } from '../time/format.js';
import { ClusterGraph } from './ClusterGraph.js';
import { FraudDeskOnly } from './FraudDeskOnly.js';
import { indicatorTypeWords, scamTypeWords, vnd } from './fraud-words.js';

function Totals({ view }: { readonly view: FraudClusterView }) {
  const { t, i18n } = useTranslation();
  const { cluster } = view;
  const day = (iso: string | null) => (iso === null ? t('fraud.none') : calendarDate(iso, i18n.language));
  const facts: [string, string][] = [
    [t('fraud.reports'), String(cluster.reportCount)],
    [t('fraud.victims'), String(cluster.victimCount)],
    [t('fraud.losses'), vnd(cluster.lossVnd, i18n.language)],
    [t('fraud.firstSeen'), day(cluster.firstSeen)],
    [t('fraud.lastSeen'), day(cluster.lastSeen)],
    [t('fraud.provinces'), cluster.provinces.map((p) => `${p.value} (${p.reportCount})`).join(', ') || t('fraud.none')],
    [
      t('fraud.scamTypes'),
      cluster.scamTypes.map((s) => `${scamTypeWords(s.value, i18n.language)} (${s.reportCount})`).join(', '),
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs">
      {facts.map(([label, value]) => (
        <Group key={label} gap="xs" wrap="nowrap">
          <Text component="dt" fw={600}>
            {label}:
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}

function ReportTimeline({ view }: { readonly view: FraudClusterView }) {
  const { t, i18n } = useTranslation();
  const reports = [...view.reports].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('fraud.timelineTitle')}>
      {reports.map((r) => (
        <Timeline.Item key={r.id} title={t('fraud.reportOn', { date: localTime(r.occurredAt, i18n.language) })}>
          <Text size="sm">
            {t('fraud.reportLine', {
              scamType: scamTypeWords(r.scamType, i18n.language),
              province: r.province ?? t('fraud.none'),
              loss: vnd(r.lossVnd, i18n.language),
            })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function IndicatorsTable({ view }: { readonly view: FraudClusterView }) {
  const { t, i18n } = useTranslation();
  const dateOf = new Map(view.reports.map((r) => [r.id, calendarDate(r.occurredAt, i18n.language)]));
  const evidence = (id: string) =>
    view.edges
      .filter((e) => e.indicatorId === id)
      .map((e) => `${t('fraud.reportOn', { date: dateOf.get(e.reportId) ?? '' })} (${t(`indicatorRole.${e.role}`)})`);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fraud.indicatorType')}</Table.Th>
            <Table.Th>{t('fraud.indicatorValue')}</Table.Th>
            <Table.Th>{t('fraud.indicatorStatus')}</Table.Th>
            <Table.Th>{t('fraud.indicatorReports')}</Table.Th>
            <Table.Th>{t('fraud.joins')}</Table.Th>
            <Table.Th>{t('fraud.indicatorEvidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.indicators.map((i) => (
            <Table.Tr key={i.id} data-indicator={i.valueDisplay}>
              <Table.Td>{indicatorTypeWords(i.type, i18n.language)}</Table.Td>
              <Table.Td>{i.valueDisplay}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {t(`indicatorStatus.${i.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{i.reportCount}</Table.Td>
              <Table.Td>{i.linking ? t('fraud.joinsYes') : t('fraud.joinsNo')}</Table.Td>
              <Table.Td>{evidence(i.id).join('; ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cluster({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const cluster = useFraudCluster(id);
  if (cluster.isError) {
    return (
      <Alert color="orange" role="alert">
        {t('fraud.notFound')}
      </Alert>
    );
  }
  if (cluster.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const view = cluster.data;
  return (
    <Stack>
      <Anchor href={hrefOf({ page: 'fraud-clusters' })}>{t('fraud.back')}</Anchor>
      <Title order={1} size="h2">
        {t('fraud.clusterTitle')}
      </Title>
      <Totals view={view} />
      <Text size="sm" c="dimmed">
        {t('fraud.lossesNote')}
      </Text>
      <Title order={2} size="h3">
        {t('fraud.graphTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('fraud.graphHint')}
      </Text>
      <ClusterGraph view={view} />
      <Title order={2} size="h3">
        {t('fraud.timelineTitle')}
      </Title>
      <ReportTimeline view={view} />
      <Title order={2} size="h3">
        {t('fraud.indicatorsTitle')}
      </Title>
      <IndicatorsTable view={view} />
    </Stack>
  );
}

/** `#/fraud/clusters/<id>`: one cluster's totals, its report–indicator graph, a timeline and its indicators. */
export function ClusterPage({ id }: { readonly id: string }) {
  return (
    <FraudDeskOnly>
      <Cluster id={id} />
    </FraudDeskOnly>
  );
}
