import { Alert, Anchor, Badge, Button, Group, Loader, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useExportBundle, useHasPermission, useRequestEvidence } from '../api/evidence-queries.js';
import { byteSize, shortHash } from '../evidence/format.js';
import { hrefOf } from '../routing/route.js';

/** The request's evidence items, each linking to its custody view, and the court bundle export. */
export function EvidenceList({ requestId }: { readonly requestId: string }) {
  const { t, i18n } = useTranslation();
  const items = useRequestEvidence(requestId);
  const mayExport = useHasPermission('evidence:export');
  const exporter = useExportBundle(requestId);
  const list = items.data ?? [];
  return (
    <section aria-labelledby="evidence-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="evidence-title">
          {t('evidence.title')}
        </Title>
        {mayExport && list.length > 0 && (
          <Button variant="light" onClick={() => exporter.mutate()} loading={exporter.isPending}>
            {t('evidence.exportBundle')}
          </Button>
        )}
      </Group>
      {exporter.isError && (
        <Alert color="red" role="alert" mb="xs">
          {t('evidence.exportFailed', { reason: exporter.error.message })}
        </Alert>
      )}
      {exporter.isSuccess && (
        <Text size="sm" c="green.9" role="status" mb="xs">
          {t('evidence.exported')}
        </Text>
      )}
      {items.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {items.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {items.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('evidence.empty')}
        </Text>
      )}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="evidence-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.filename')}</Table.Th>
                <Table.Th>{t('evidence.size')}</Table.Th>
                <Table.Th>{t('evidence.sha256')}</Table.Th>
                <Table.Th>{t('evidence.sealed')}</Table.Th>
                <Table.Th>{t('evidence.origin')}</Table.Th>
                <Table.Th>{t('evidence.onward')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor
                      href={hrefOf({ page: 'evidence', id: item.id })}
                      aria-label={t('evidence.openItem', { name: item.filename })}
                    >
                      {item.filename}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{byteSize(item.size, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={item.sha256} withArrow>
                      <Text span ff="monospace" size="sm" tabIndex={0} aria-label={`SHA-256 ${item.sha256}`}>
                        {shortHash(item.sha256)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.sealed ? 'green' : 'gray'}>
                      {item.sealed ? t('evidence.sealedYes') : t('evidence.sealedNo')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.originCountry}</Table.Td>
                  <Table.Td>
                    <OnwardStatus status={item.onwardTransfer} />
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

export function OnwardStatus({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  const label =
    status === 'unrestricted' || status === 'origin-authorisation-required' ? t(`onwardTransfer.${status}`) : status;
  return (
    <Badge variant="outline" color={status === 'unrestricted' ? 'gray' : 'orange'} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
