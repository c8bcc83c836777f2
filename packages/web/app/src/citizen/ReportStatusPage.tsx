import { Alert, Button, Card, List, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ScamType } from '@hanoi247/core';
import { scamTypeLabels } from '@hanoi247/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { localTime } from '../time/format.js';
import { PublicHeader } from './PublicHeader.js';
import { identifierBody, type IdentifierDraft } from './report-draft.js';
import { IdentifierList } from './ReportSteps.js';

interface Props {
  readonly acknowledgementNumber: string;
  readonly token: string;
}

function AddInformation({ acknowledgementNumber, token }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [narrative, setNarrative] = useState('');
  const [identifiers, setIdentifiers] = useState<readonly IdentifierDraft[]>([]);
  const add = useMutation({
    mutationFn: () =>
      call('addToCitizenReport', {
        params: { acknowledgementNumber },
        headers: { 'x-report-token': token },
        body: {
          ...(narrative.trim() === '' ? {} : { narrative: narrative.trim() }),
          identifiers: identifiers.filter((i) => i.value.trim() !== '').map(identifierBody),
        },
      }),
    onSuccess: (status) => {
      setNarrative('');
      setIdentifiers([]);
      client.setQueryData(['citizen-report', acknowledgementNumber], status);
    },
  });
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('citizen.addTitle')}
      </Title>
      <Textarea
        label={t('citizen.addNarrative')}
        autosize
        minRows={3}
        maxLength={8000}
        value={narrative}
        onChange={(e) => setNarrative(e.currentTarget.value)}
      />
      <IdentifierList identifiers={identifiers} set={setIdentifiers} />
      {add.isSuccess && <Alert color="green">{t('citizen.added')}</Alert>}
      {add.isError && <Alert color="red">{t('citizen.sendFailed', { reason: add.error.message })}</Alert>}
      <Button loading={add.isPending} onClick={() => add.mutate()}>
        {t('citizen.addSubmit')}
      </Button>
    </Stack>
  );
}

/** A citizen follows their report with the private link: its status in words, its history, and more to add. */
export function ReportStatusPage({ acknowledgementNumber, token }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'vi' ? 'vi' : 'en';
  const status = useQuery({
    queryKey: ['citizen-report', acknowledgementNumber],
    queryFn: () =>
      call('getCitizenReportStatus', { params: { acknowledgementNumber }, headers: { 'x-report-token': token } }),
  });
  return (
    <Card component="main" withBorder maw={720} mx="auto" mt="md" p="md">
      <PublicHeader />
      <Title order={1} size="h3" mb="md">
        {t('citizen.statusTitle', { number: acknowledgementNumber })}
      </Title>
      {status.isPending && <Loader aria-label={t('citizen.loading')} />}
      {status.isError && (
        <Alert color="red" role="alert">
          {t('citizen.notFound')}
        </Alert>
      )}
      {status.data && (
        <Stack>
          <Text>
            {t('citizen.statusNow')}:{' '}
            <Text span fw={700} data-testid="report-status">
              {t(`citizenStatus.${status.data.status}`)}
            </Text>
          </Text>
          <Text size="sm">{scamTypeLabels[status.data.scamType as ScamType]?.[lang] ?? ''}</Text>
          <Text size="sm">{t('citizen.reportedOn', { date: localTime(status.data.reportedAt, i18n.language) })}</Text>
          <Title order={2} size="h4">
            {t('citizen.timeline')}
          </Title>
          <List>
            {status.data.timeline.map((event, index) => (
              <List.Item key={index}>
                {localTime(event.at, i18n.language)} —{' '}
                {event.kind === 'addition' ? t('citizen.eventAddition') : t(`citizenStatus.${event.status}`)}
              </List.Item>
            ))}
          </List>
          <AddInformation acknowledgementNumber={acknowledgementNumber} token={token} />
        </Stack>
      )}
    </Card>
  );
}
