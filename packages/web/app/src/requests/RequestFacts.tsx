import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestType, RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { LegalSources } from '../records/LegalSources.js';
import { RecordValue } from '../records/RecordValue.js';
import { Countdown } from '../time/Countdown.js';
import { ZonedTime } from '../time/ZonedTime.js';

const conditionStatusKeys: Readonly<Record<string, string>> = {
  proposed: 'records.conditionProposed',
  accepted: 'records.conditionAccepted',
  declined: 'records.conditionDeclined',
};

/** The sources of the shown fields under the request's basis, the request type's own first. */
function citedSources(request: RequestView, requestType: RequestType | undefined): string[] {
  if (requestType === undefined) return [];
  const basis = request.legalBasis;
  const fields = requestType.fields.filter((f) => request.details[f.name] !== undefined);
  return [
    requestType.sourceFor?.[basis] ?? requestType.legalSource,
    ...fields.map((f) => f.sourceFor?.[basis] ?? f.legalSource),
  ];
}

/** What the request says and which clocks run on it, in the officer's language. */
export function RequestFacts({
  request,
  requestType,
}: {
  readonly request: RequestView;
  readonly requestType: RequestType | undefined;
}) {
  const { t, i18n } = useTranslation();
  const running = request.deadlines.filter((d) => d.status === 'open');
  return (
    <Stack>
      {(request.preservedUntil !== null || request.preservationOrderedUntil !== null) && (
        <section aria-labelledby="preservation">
          <Title order={2} size="h4" id="preservation">
            {t('request.preservation')}
          </Title>
          {request.preservedUntil !== null && (
            <Text size="sm">
              {t('request.preservedUntil')}: <ZonedTime iso={request.preservedUntil} />
            </Text>
          )}
          {request.preservationOrderedUntil !== null && (
            <Text size="sm">
              {t('request.orderedUntil')}: <ZonedTime iso={request.preservationOrderedUntil} />
            </Text>
          )}
        </section>
      )}
      {running.length > 0 && (
        <section aria-labelledby="clocks">
          <Title order={2} size="h4" id="clocks">
            {t('request.deadlines')}
          </Title>
          <List>
            {running.map((d) => (
              <List.Item key={d.id}>
                <Group gap="xs">
                  <Text size="sm">
                    {i18n.exists(`deadlineRule.${d.ruleId}`) ? t(`deadlineRule.${d.ruleId}`) : d.ruleId}:
                  </Text>
                  <Countdown dueAt={d.dueAt} />{' '}
                  <Text size="sm" c="dimmed">
                    (<ZonedTime iso={d.dueAt} />)
                  </Text>
                  {d.escalatedAt !== null && <Badge color="red">{t('request.escalated')}</Badge>}
                </Group>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {request.conditions.length > 0 && (
        <section aria-labelledby="conditions">
          <Title order={2} size="h4" id="conditions">
            {t('request.conditions')}
          </Title>
          <List>
            {request.conditions.map((c) => (
              <List.Item key={c.id}>
                {t(`conditionKind.${c.kind}`, { defaultValue: c.kind })}: {c.text} (
                {t(conditionStatusKeys[c.status] ?? '', { defaultValue: c.status })})
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {request.links.length > 0 && (
        <section aria-labelledby="links">
          <Title order={2} size="h4" id="links">
            {t('request.links')}
          </Title>
          <List>
            {request.links.map((l) => (
              <List.Item key={`${l.kind}-${l.toReference}`}>
                {t(`event.${l.kind}`, { defaultValue: l.kind })}:{' '}
                <Text span ff="monospace">
                  {l.toReference}
                </Text>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="details">
        <Title order={2} size="h4" id="details">
          {t('request.details')}
        </Title>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.legalBasis')}</Table.Th>
              <Table.Td>{t(`legalBasis.${request.legalBasis}`)}</Table.Td>
            </Table.Tr>
            {request.emergencyJustification !== null && (
              <Table.Tr>
                <Table.Th scope="row">{t('draft.emergencyJustification')}</Table.Th>
                <Table.Td>{request.emergencyJustification}</Table.Td>
              </Table.Tr>
            )}
            {Object.entries(request.details).map(([name, value]) => {
              const spec = requestType?.fields.find((f) => f.name === name);
              return (
                <Table.Tr key={name}>
                  <Table.Th scope="row">{spec === undefined ? name : pick(spec.label, i18n.language)}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    <RecordValue value={value} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <LegalSources cited={citedSources(request, requestType)} />
      </section>
    </Stack>
  );
}
