import { Alert, Badge, Card, Code, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { useCountryProfiles } from '../api/queries.js';
import { pick } from '../i18n/i18n.js';
import { ZonedTime } from '../time/ZonedTime.js';
import { DeliveryFailures } from './DeliveryFailures.js';
import { LedgerAlerts } from './LedgerAlerts.js';

/** Partner nodes as pinned here: who answers, in which language, under which key; and delivery health. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  // A reservation is a code on the wire; its words come from the reference country profiles.
  const reservationTitles = new Map<string, { readonly en: string; readonly vi: string }>(
    (useCountryProfiles().data ?? []).flatMap((p) => p.reservations.map((r) => [r.code, r.title] as const)),
  );
  const reservationText = (r: { readonly code: string; readonly description?: string }) => {
    const title = reservationTitles.get(r.code);
    return title === undefined ? (r.description ?? r.code) : pick(title, i18n.language);
  };
  const peers = useQuery({
    queryKey: ['peers'],
    queryFn: () => call('listPeers').then((r) => r.peers),
  });
  const status = useQuery({
    queryKey: ['federation-status'],
    queryFn: () => call('getFederationStatus'),
    refetchInterval: 10_000,
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('directory.title')}
      </Title>
      {(peers.isError || status.isError) && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {status.data !== undefined && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('directory.federation')}
          </Title>
          <Text size="sm">{t('directory.queueDepth', { count: status.data.queueDepth })}</Text>
          {status.data.lastDeliveredAt !== null && (
            <Text size="sm">
              {t('directory.lastDelivered')}: <ZonedTime iso={status.data.lastDeliveredAt} />
            </Text>
          )}
          <Text size="sm" c={status.data.failures.length > 0 ? 'red.8' : 'inherit'}>
            {t('directory.failures', { count: status.data.failures.length })}
          </Text>
        </Card>
      )}
      {status.data !== undefined && <DeliveryFailures failures={status.data.failures} />}
      <LedgerAlerts />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(peers.data ?? []).map((peer) => (
          <Card withBorder key={peer.country} component="section" aria-label={peer.name}>
            <Title order={2} size="h4">
              {peer.name} ({peer.country})
            </Title>
            <Badge color={peer.status === 'active' ? 'green' : 'gray'} mb="xs">
              {t(`peerStatus.${peer.status}`, { defaultValue: peer.status })}
            </Badge>
            <Text size="sm">
              {t('directory.languages')}:{' '}
              {peer.languages.map((l) => t(`language.${l}`, { defaultValue: l })).join(', ')}
            </Text>
            <Text size="sm">
              {t('directory.fingerprint')}: <Code>{peer.pinnedFingerprint}</Code>
            </Text>
            <Text size="sm">{t('directory.roster')}:</Text>
            <List size="sm">
              {peer.roster.map((r) => (
                <List.Item key={`${r.role}-${r.name}`}>
                  {r.role}: {r.name}
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              {t('directory.reservations')}:{' '}
              {peer.reservations.length === 0 ? t('directory.none') : peer.reservations.map(reservationText).join('; ')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
