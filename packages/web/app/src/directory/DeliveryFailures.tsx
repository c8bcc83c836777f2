import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryFailure } from '../api/evidence-types.js';
import { hrefOf } from '../routing/route.js';
import { ZonedTime } from '../time/ZonedTime.js';

/** Messages the outbox gave up on or keeps failing to deliver, newest problems first as served. */
export function DeliveryFailures({ failures }: { readonly failures: readonly DeliveryFailure[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="failures-title">
      <Title order={2} size="h4" id="failures-title" mb="xs">
        {t('health.failuresTitle')}
      </Title>
      {failures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('health.noFailures')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="delivery-failures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('health.to')}</Table.Th>
                <Table.Th>{t('health.messageType')}</Table.Th>
                <Table.Th>{t('health.status')}</Table.Th>
                <Table.Th>{t('health.attempts')}</Table.Th>
                <Table.Th>{t('health.lastError')}</Table.Th>
                <Table.Th>{t('health.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failures.map((f) => (
                <Table.Tr key={f.messageId}>
                  <Table.Td>{f.to}</Table.Td>
                  <Table.Td>
                    {f.requestId === null ? (
                      f.type
                    ) : (
                      <Anchor href={hrefOf({ page: 'request', id: f.requestId })}>{f.type}</Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{f.status}</Table.Td>
                  <Table.Td>{f.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {f.lastError ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ZonedTime iso={f.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
