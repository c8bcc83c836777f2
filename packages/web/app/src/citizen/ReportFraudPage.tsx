import { Alert, Button, Card, Group, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { scamTypeLabels } from '@hanoi247/core/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, call } from '../api/client.js';
import { Acknowledgement } from './Acknowledgement.js';
import { prepareProof, type SolvedProof } from './proof-of-work.js';
import { PublicHeader } from './PublicHeader.js';
import { emptyDraft, reportBody, transferProblem, whatProblems, type ReportDraft } from './report-draft.js';
import { IdentifierList, MoneyStep, WhatStep, type StepProps } from './ReportSteps.js';

function ContactAndScammer({ draft, change }: StepProps) {
  const { t } = useTranslation();
  const text = (key: 'contactName' | 'contactPhone' | 'contactEmail', max: number) => (
    <TextInput
      label={t(`citizen.${key}`)}
      maxLength={max}
      value={draft[key]}
      onChange={(e) => change({ [key]: e.currentTarget.value })}
    />
  );
  return (
    <Stack>
      <IdentifierList identifiers={draft.identifiers} set={(identifiers) => change({ identifiers })} />
      <Title order={2} size="h5">
        {t('citizen.contactTitle')}
      </Title>
      {text('contactName', 200)}
      {text('contactPhone', 40)}
      {text('contactEmail', 254)}
      <Text size="sm" c="dimmed">
        {t('citizen.contactPrivacy')}
      </Text>
    </Stack>
  );
}

function Review({ draft }: { readonly draft: ReportDraft }) {
  const { t, i18n } = useTranslation();
  const body = reportBody(draft);
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {draft.scamType === '' ? '' : scamTypeLabels[draft.scamType][i18n.language === 'vi' ? 'vi' : 'en']}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.narrative}</Text>
      <Text size="sm">{t('citizen.reviewTransfers', { count: body.transfers.length })}</Text>
      <Text size="sm">{t('citizen.reviewIdentifiers', { count: body.identifiers.length })}</Text>
    </Stack>
  );
}

/** The reason a refusal shows: the rate limit in words; anything else as the node's own detail. */
function refusal(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 429) return t('citizen.tooMany');
  return t('citizen.sendFailed', { reason: error instanceof Error ? error.message : String(error) });
}

/** The public report form: four short steps, the proof-of-work solved while the citizen types. */
export function ReportFraudPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [receipt, setReceipt] = useState<{ acknowledgementNumber: string; statusToken: string } | null>(null);
  const proof = useRef<Promise<SolvedProof> | null>(null);
  useEffect(() => {
    proof.current = prepareProof();
    proof.current.catch(() => undefined);
  }, []);
  const change = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const next = () => {
    const found =
      step === 0
        ? whatProblems(draft)
        : step === 1
          ? draft.transfers.flatMap((transfer) => transferProblem(transfer) ?? [])
          : [];
    setProblems(found);
    if (found.length === 0) setStep((s) => s + 1);
  };
  const send = async () => {
    setState({ busy: true, error: null });
    try {
      const solved = await (proof.current ?? prepareProof());
      // A challenge is spent by the attempt, kept or refused: the next attempt takes a fresh one.
      proof.current = prepareProof();
      proof.current.catch(() => undefined);
      setReceipt(await call('submitCitizenReport', { body: { ...reportBody(draft), proofOfWork: solved } }));
    } catch (error) {
      setState({ busy: false, error: refusal(error, t) });
    }
  };
  if (receipt !== null) return <Acknowledgement receipt={receipt} />;
  return (
    <Card component="main" withBorder maw={720} mx="auto" mt="md" p="md">
      <PublicHeader />
      <Title order={1} size="h3" mb="xs">
        {t('citizen.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('citizen.intro')}
      </Text>
      <Stepper active={step} size="xs" onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false}>
        <Stepper.Step label={t('citizen.stepWhat')}>
          <WhatStep draft={draft} change={change} problems={problems} />
        </Stepper.Step>
        <Stepper.Step label={t('citizen.stepMoney')}>
          <MoneyStep draft={draft} change={change} />
        </Stepper.Step>
        <Stepper.Step label={t('citizen.stepScammer')}>
          <ContactAndScammer draft={draft} change={change} />
        </Stepper.Step>
        <Stepper.Step label={t('citizen.stepReview')}>
          <Review draft={draft} />
        </Stepper.Step>
      </Stepper>
      {state.error !== null && (
        <Alert color="red" mt="md" role="alert">
          {state.error}
        </Alert>
      )}
      <Group justify="space-between" mt="lg">
        <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
          {t('citizen.back')}
        </Button>
        {step < 3 ? (
          <Button onClick={next}>{t('citizen.next')}</Button>
        ) : (
          <Button loading={state.busy} onClick={() => void send()}>
            {t('citizen.submit')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
