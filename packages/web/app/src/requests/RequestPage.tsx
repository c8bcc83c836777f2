import { Alert, Anchor, Badge, Grid, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useCatalogueLabels, useRequest } from '../api/queries.js';
import { pick } from '../i18n/i18n.js';
import { PriorityBadge } from '../inbox/PriorityBadge.js';
import { hrefOf } from '../routing/route.js';
import { ActionPanel } from './ActionPanel.js';
import { AssignmentPanel } from './AssignmentPanel.js';
import { EvidenceList } from './EvidenceList.js';
import { NextStep } from './NextStep.js';
import { DraftOrderEntry, RequestOrders } from './RequestOrders.js';
import { RequestFacts } from './RequestFacts.js';
import { RequestWarnings } from './RequestWarnings.js';
import { Timeline } from './Timeline.js';

/** One request: where it stands, what can be done next, and everything that happened to it. */
export function RequestPage({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const request = useRequest(id);
  const { states, types } = useCatalogueLabels();
  const mayReadEvidence = useHasPermission('evidence:read');
  if (request.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (request.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const r = request.data;
  const requestType = types.find((ty) => ty.code === r.type);
  return (
    <Stack>
      <Anchor href={hrefOf({ page: 'inbox' })}>← {t('nav.inbox')}</Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1} size="h2" ff="monospace">
            {r.reference}
          </Title>
          <Text>{pick(r.typeTitle, i18n.language)}</Text>
          <Text size="sm" c="dimmed">
            {t(`direction.${r.direction}`)}: {r.requestingState} → {r.requestedState}
          </Text>
          <AssignmentPanel request={r} />
        </Stack>
        <Group>
          <PriorityBadge priority={r.priority} />
          <Badge size="lg" variant="outline" data-testid="request-state">
            {pick(r.stateLabel, i18n.language)}
          </Badge>
        </Group>
      </Group>
      <NextStep request={r} />
      <RequestWarnings request={r} />
      {r.missing.length > 0 && (
        <Alert color="orange" title={t('request.missing')}>
          <List>
            {r.missing.map((m) => {
              // "/details/identifiers/0/port" names the field by its label, as the form does.
              const name = /^\/details\/([^/]+)/.exec(m.path)?.[1];
              const spec = requestType?.fields.find((f) => f.name === name);
              return (
                <List.Item key={m.path}>
                  {spec === undefined ? m.path : pick(spec.label, i18n.language)}: {m.message}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      <section aria-labelledby="next-steps">
        <Title order={2} size="h4" id="next-steps" mb="xs">
          {t('request.actions')}
        </Title>
        <Group align="start">
          <DraftOrderEntry request={r} />
          <ActionPanel request={r} requestType={requestType} />
          {r.state === 'DRAFT' && <Anchor href={hrefOf({ page: 'draft', id: r.id })}>{t('request.editDraft')}</Anchor>}
          <Anchor href={`/api/v1/requests/${r.id}/document.pdf`} download>
            {t('request.downloadPdf')}
          </Anchor>
        </Group>
      </section>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RequestFacts request={r} requestType={requestType} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Title order={2} size="h4" mb="sm">
            {t('request.timeline')}
          </Title>
          <Timeline requestId={r.id} states={states} />
        </Grid.Col>
      </Grid>
      <RequestOrders request={r} />
      {mayReadEvidence && <EvidenceList requestId={r.id} />}
    </Stack>
  );
}
