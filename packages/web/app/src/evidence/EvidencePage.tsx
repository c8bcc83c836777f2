import { Alert, Anchor, Card, Code, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustody, useCustodyProofs, useEvidence } from '../api/evidence-queries.js';
import type { EvidenceItem } from '../api/evidence-types.js';
import { OnwardStatus } from '../requests/EvidenceList.js';
import { hrefOf } from '../routing/route.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { calendarDate } from '../time/format.js';
import { CustodyTimeline } from './CustodyTimeline.js';
import { EvidenceMetadata } from './EvidenceMetadata.js';
import { byteSize } from './format.js';
import { useProofStatuses } from './useProofStatuses.js';

function Facts({ item }: { readonly item: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('evidence.size'), byteSize(item.size, i18n.language)],
    [t('evidence.mediaType'), item.mediaType],
    [t('evidence.sealed'), item.sealed ? t('evidence.sealedYes') : t('evidence.sealedNo')],
    [t('evidence.origin'), item.originCountry],
    [t('evidence.onward'), <OnwardStatus key="onward" status={item.onwardTransfer} />],
    [t('evidence.personalData'), item.personalData ? t('evidence.yes') : t('evidence.no')],
    [
      t('evidence.retentionUntil'),
      item.retentionUntil === null ? '—' : calendarDate(item.retentionUntil, i18n.language),
    ],
    [t('evidence.createdBy'), item.createdBy],
    [t('evidence.createdAt'), <ZonedTime key="created" iso={item.createdAt} />],
  ];
  if (item.erasedAt !== null) rows.push([t('evidence.erasedAt'), <ZonedTime key="erased" iso={item.erasedAt} />]);
  return (
    <Table variant="vertical" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One evidence item: its hashes and metadata, and its chain of custody proved against the ledger. */
export function EvidencePage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const item = useEvidence(id);
  const custody = useCustody(id);
  const proofs = useCustodyProofs(id);
  const statuses = useProofStatuses(proofs.data);
  if (item.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (item.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const e = item.data;
  const checkpoint = proofs.data?.checkpoint;
  return (
    <Stack>
      {e.requestId !== null && (
        <Anchor href={hrefOf({ page: 'request', id: e.requestId })}>← {t('evidence.back')}</Anchor>
      )}
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {e.filename}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Facts item={e} />
        <Card withBorder component="section" aria-labelledby="hashes-title">
          <Title order={2} size="h4" id="hashes-title">
            {t('evidence.hashes')}
          </Title>
          <Text size="sm">{t('evidence.sha256')}</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {e.sha256}
          </Code>
          <Title order={3} size="h5" mt="sm">
            {t('evidence.metadata')}
          </Title>
          <EvidenceMetadata metadata={e.metadata} />
          {e.erasedAt === null && (
            <Anchor href={`/api/v1/evidence/${e.id}/content`} download mt="sm">
              {t('evidence.download')}
            </Anchor>
          )}
        </Card>
      </SimpleGrid>
      <section aria-labelledby="custody-title">
        <Group justify="space-between" align="baseline" mb="xs">
          <Title order={2} size="h4" id="custody-title">
            {t('custody.title')}
          </Title>
          {proofs.data !== undefined && (
            <Text size="sm" c="dimmed">
              {checkpoint === null || checkpoint === undefined
                ? t('custody.noCheckpoint')
                : t('custody.checkpoint', { size: checkpoint.treeSize })}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          {t('custody.verifiedHere')}
        </Text>
        {(custody.isError || proofs.isError) && (
          <Alert color="red" role="alert">
            {t('common.loadFailed')}
          </Alert>
        )}
        {custody.data === undefined ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <CustodyTimeline events={custody.data} statuses={statuses} />
        )}
      </section>
    </Stack>
  );
}
