import { Alert, Anchor, Card, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogueLabels } from '../api/queries.js';
import { useRequestStatistics } from '../api/statistics-queries.js';
import { pick } from '../i18n/i18n.js';
import { hrefOf } from '../routing/route.js';
import { Countdown } from '../time/Countdown.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { BarChart } from './BarChart.js';
import { formatHours, timingRows, type Series, type TimingStep } from './chart-data.js';

const steps: readonly TimingStep[] = ['acknowledge', 'preserve', 'respond'];
const stepKey = {
  acknowledge: 'dashboard.stepAcknowledge',
  preserve: 'dashboard.stepPreserve',
  respond: 'dashboard.stepRespond',
} as const;

/** How the desk is doing: volume per week, response times per partner and type, and the clocks about to run out. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const statistics = useRequestStatistics();
  const { typeTitles } = useCatalogueLabels();
  const [step, setStep] = useState<TimingStep>('acknowledge');

  if (statistics.isPending) return <Loader aria-label={t('dashboard.loading')} />;
  if (statistics.isError) {
    return (
      <Alert color="red" role="alert">
        {t('dashboard.failed')}
      </Alert>
    );
  }
  const data = statistics.data;

  const typeLabel = (code: string) => {
    const title = typeTitles.get(code);
    return title === undefined ? code : pick(title, i18n.language);
  };
  const ruleLabel = (ruleId: string) => (i18n.exists(`deadlineRule.${ruleId}`) ? t(`deadlineRule.${ruleId}`) : ruleId);
  const count = (v: number | null) => (v === null ? '—' : String(Math.round(v)));
  const hours = (v: number | null) => formatHours(v, i18n.language);
  const directions: Series[] = [
    { key: 'outgoing', label: t('dashboard.outgoing'), color: '#1c7ed6' },
    { key: 'incoming', label: t('dashboard.incoming'), color: '#f08c00' },
  ];
  const percentiles: Series[] = [
    { key: 'median', label: t('dashboard.median'), color: '#2f9e44' },
    { key: 'p90', label: t('dashboard.p90'), color: '#c92a2a' },
  ];
  const stepName = t(stepKey[step]);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('dashboard.scope')}
      </Text>

      <Card withBorder component="section" aria-labelledby="dashboard-at-risk">
        <Title order={2} size="h4" id="dashboard-at-risk" mb="sm">
          {t('dashboard.atRisk')}
        </Title>
        {data.deadlinesAtRisk.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.atRiskEmpty')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.reference')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.type')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.rule')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.dueAt')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.remaining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.deadlinesAtRisk.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={hrefOf({ page: 'request', id: d.requestId })}>{d.reference}</Anchor>
                  </Table.Td>
                  <Table.Td>{typeLabel(d.type)}</Table.Td>
                  <Table.Td>{ruleLabel(d.ruleId)}</Table.Td>
                  <Table.Td>
                    <ZonedTime iso={d.dueAt} />
                  </Table.Td>
                  <Table.Td>
                    <Countdown dueAt={d.dueAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder component="section">
        <BarChart
          title={t('dashboard.perWeek')}
          rowHeader={t('dashboard.week')}
          series={directions}
          rows={data.weeks.map((w) => ({ label: w.week.slice(5), values: [w.outgoing, w.incoming] }))}
          format={count}
          empty={t('dashboard.noData')}
        />
      </Card>

      <Card withBorder component="section">
        <Stack>
          <SegmentedControl
            aria-label={t('dashboard.step')}
            value={step}
            onChange={(value) => setStep(value as TimingStep)}
            data={steps.map((s) => ({ value: s, label: t(stepKey[s]) }))}
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <BarChart
              title={t('dashboard.byPartner', { step: stepName })}
              rowHeader={t('dashboard.partner')}
              series={percentiles}
              rows={timingRows(data.byPartner, step, (k) => k)}
              format={hours}
              empty={t('dashboard.noData')}
            />
            <BarChart
              title={t('dashboard.byType', { step: stepName })}
              rowHeader={t('dashboard.type')}
              series={percentiles}
              rows={timingRows(data.byType, step, typeLabel)}
              format={hours}
              empty={t('dashboard.noData')}
            />
          </SimpleGrid>
        </Stack>
      </Card>
    </Stack>
  );
}
