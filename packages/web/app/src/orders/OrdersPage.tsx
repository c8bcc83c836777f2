import { Alert, Anchor, Badge, Card, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrders } from '../api/order-queries.js';
import type { DomesticOrder } from '../api/order-types.js';
import { pick } from '../i18n/i18n.js';
import { hrefOf } from '../routing/route.js';
import { NextClock, openClocks } from './OrderClocks.js';

const phoneWidth = '(max-width: 48em)';

/** Distinct values of the loaded orders, for a filter's options. */
const choices = (orders: readonly DomesticOrder[], value: (o: DomesticOrder) => [string, string]) =>
  [...new Map(orders.map(value)).entries()].map(([v, label]) => ({ value: v, label }));

// Nearest clock first, so what runs out soonest is on top; orders with no open clock after, newest first.
const nextDue = (o: DomesticOrder): number => {
  const due = openClocks(o)[0]?.dueAt;
  return due === undefined ? Number.POSITIVE_INFINITY : Date.parse(due);
};
const byClock = (a: DomesticOrder, b: DomesticOrder) =>
  nextDue(a) - nextDue(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt);

/** The domestic orders the desk issued: by state and provider, each with its nearest clock. */
export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const orders = useOrders();
  const phone = useMediaQuery(phoneWidth) === true;
  const [state, setState] = useState<string | null>(null);
  const [provider, setProvider] = useState<string | null>(null);
  const all = orders.data ?? [];
  const shown = all
    .filter((o) => (state === null || o.state === state) && (provider === null || o.provider.id === provider))
    .sort(byClock);
  const reference = (o: DomesticOrder) => (
    <>
      <Anchor href={hrefOf({ page: 'order', id: o.id })} ff="monospace">
        {o.reference}
      </Anchor>
      {o.emergency !== null && (
        <Badge color="red" ml="xs">
          {t('priority.emergency')}
        </Badge>
      )}
    </>
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('orders.title')}
      </Title>
      <Group grow={phone} align="end" wrap="wrap">
        <Select
          label={t('orders.state')}
          placeholder={t('orders.all')}
          clearable
          data={choices(all, (o) => [o.state, pick(o.stateLabel, i18n.language)])}
          value={state}
          onChange={setState}
        />
        <Select
          label={t('orders.provider')}
          placeholder={t('orders.all')}
          clearable
          searchable
          data={choices(all, (o) => [o.provider.id, o.provider.legalName])}
          value={provider}
          onChange={setProvider}
        />
      </Group>
      {orders.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {orders.data === undefined ? (
        !orders.isError && <Loader aria-label={t('common.loading')} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('orders.empty')}</Text>
      ) : phone ? (
        <Stack gap="sm">
          {shown.map((o) => (
            <Card key={o.id} withBorder data-reference={o.reference}>
              <Text>{reference(o)}</Text>
              <Text size="sm">{pick(o.typeTitle, i18n.language)}</Text>
              <Text size="sm">{o.provider.legalName}</Text>
              <Badge variant="outline">{pick(o.stateLabel, i18n.language)}</Badge>
              <Text size="sm">
                <NextClock order={o} />
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.reference')}</Table.Th>
              <Table.Th>{t('orders.type')}</Table.Th>
              <Table.Th>{t('orders.provider')}</Table.Th>
              <Table.Th>{t('orders.state')}</Table.Th>
              <Table.Th>{t('orders.request')}</Table.Th>
              <Table.Th>{t('orders.clock')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((o) => (
              <Table.Tr key={o.id} data-reference={o.reference}>
                <Table.Td>{reference(o)}</Table.Td>
                <Table.Td>{pick(o.typeTitle, i18n.language)}</Table.Td>
                <Table.Td>{o.provider.legalName}</Table.Td>
                <Table.Td>{pick(o.stateLabel, i18n.language)}</Table.Td>
                <Table.Td>
                  {o.requestId === null ? (
                    '—'
                  ) : (
                    <Anchor href={hrefOf({ page: 'request', id: o.requestId })} ff="monospace">
                      {o.requestReference ?? '—'}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <NextClock order={o} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
