import { Alert, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLedgerAlerts } from '../api/evidence-queries.js';
import { ZonedTime } from '../time/ZonedTime.js';

/** Split views and inconsistent histories partners signed: each is evidence against their ledger. */
export function LedgerAlerts() {
  const { t } = useTranslation();
  const alerts = useLedgerAlerts();
  const list = alerts.data ?? [];
  return (
    <section aria-labelledby="ledger-alerts-title">
      <Title order={2} size="h4" id="ledger-alerts-title" mb="xs">
        {t('health.alertsTitle')}
      </Title>
      {alerts.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {alerts.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('health.noAlerts')}
        </Text>
      )}
      {list.length > 0 && (
        <Table striped data-testid="ledger-alerts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('health.kind')}</Table.Th>
              <Table.Th>{t('health.country')}</Table.Th>
              <Table.Th>{t('health.treeSize')}</Table.Th>
              <Table.Th>{t('health.raisedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text c="red.8" fw={600} size="sm">
                    {a.kind}
                  </Text>
                </Table.Td>
                <Table.Td>{a.country}</Table.Td>
                <Table.Td>{a.treeSize}</Table.Td>
                <Table.Td>
                  <ZonedTime iso={a.raisedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
