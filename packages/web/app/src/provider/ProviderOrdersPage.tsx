import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProviderOrders } from '../api/provider-queries.js';
import { pick } from '../i18n/i18n.js';
import { hrefOf } from '../routing/route.js';
import { Countdown } from '../time/Countdown.js';
import { ZonedTime } from '../time/ZonedTime.js';

/** Where a provider user lands: the orders served on their company, newest first, with the nearest clock. */
export function ProviderOrdersPage() {
  const { t, i18n } = useTranslation();
  const orders = useProviderOrders();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('provider.title')}
      </Title>
      {orders.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {orders.data === undefined ? (
        !orders.isError && <Loader aria-label={t('common.loading')} />
      ) : orders.data.length === 0 ? (
        <Text c="dimmed">{t('provider.empty')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('provider.reference')}</Table.Th>
              <Table.Th>{t('provider.type')}</Table.Th>
              <Table.Th>{t('provider.state')}</Table.Th>
              <Table.Th>{t('inbox.deadline')}</Table.Th>
              <Table.Th>{t('provider.servedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.data.map((o) => {
              const next = o.deadlines
                .filter((d) => d.status === 'open')
                .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
              return (
                <Table.Tr key={o.id} data-reference={o.reference}>
                  <Table.Td>
                    <Anchor href={hrefOf({ page: 'provider-order', id: o.id })} ff="monospace">
                      {o.reference}
                    </Anchor>
                    {o.emergency !== null && (
                      <Badge color="red" ml="xs">
                        {t('priority.emergency')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{pick(o.typeTitle, i18n.language)}</Table.Td>
                  <Table.Td>{pick(o.stateLabel, i18n.language)}</Table.Td>
                  <Table.Td>{next === undefined ? '—' : <Countdown dueAt={next.dueAt} />}</Table.Td>
                  <Table.Td>{o.servedAt === null ? '—' : <ZonedTime iso={o.servedAt} />}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
