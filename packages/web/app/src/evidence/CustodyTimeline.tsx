import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustodyEvent } from '../api/evidence-types.js';
import { RecordValue } from '../records/RecordValue.js';
import { ZonedTime } from '../time/ZonedTime.js';
import type { ProofStatus } from './proof-status.js';

// The whole verdict, never "đã chứng …": a visible label sizes the column instead of being clipped to it.
const unclipped = { label: { overflow: 'visible' } } as const;

function ProofBadge({ status }: { readonly status: ProofStatus | undefined }) {
  const { t } = useTranslation();
  if (status === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {t('custody.checking')}
      </Text>
    );
  }
  switch (status.kind) {
    case 'proved':
      return (
        <Badge color="green" variant="light" style={{ textTransform: 'none' }} styles={unclipped}>
          {t('custody.proved', { size: status.treeSize })}
        </Badge>
      );
    case 'pending':
      return (
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }} styles={unclipped}>
          {t('custody.pending')}
        </Badge>
      );
    case 'fails':
      return (
        <Badge color="red" variant="filled" role="alert">
          {t('custody.fails')}
        </Badge>
      );
  }
}

/** The chain of custody, oldest first, each event with its ledger proof as verified in this browser. */
export function CustodyTimeline({
  events,
  statuses,
}: {
  readonly events: readonly CustodyEvent[];
  readonly statuses: ReadonlyMap<string, ProofStatus> | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('custody.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="custody-timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('custody.type')}</Table.Th>
            <Table.Th>{t('custody.time')}</Table.Th>
            <Table.Th>{t('custody.actor')}</Table.Th>
            <Table.Th>{t('custody.details')}</Table.Th>
            <Table.Th>{t('custody.proof')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const actor =
              event.personal?.actorName ??
              (event.actor.type === 'system' ? t('custody.system') : (event.actor.role ?? event.actor.type));
            return (
              <Table.Tr key={event.id}>
                <Table.Td>
                  {i18n.exists(`custodyType.${event.type}`) ? t(`custodyType.${event.type}`) : event.type}
                </Table.Td>
                <Table.Td>
                  <ZonedTime iso={event.occurredAt} />
                </Table.Td>
                <Table.Td>
                  {actor}
                  <Text size="xs" c="dimmed">
                    {event.system.country} · {event.system.node}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {Object.keys(event.details).length > 0 && <RecordValue value={event.details} />}
                  {event.personal?.notes !== undefined && (
                    <Text size="sm" fs="italic">
                      {event.personal.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ProofBadge status={statuses?.get(event.id)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
