import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useHasPermission, useRequestEvidence } from '../api/evidence-queries.js';
import { useOrderEvidence, useOrderStep } from '../api/order-queries.js';
import type { DomesticOrder } from '../api/order-types.js';
import { useProviderMembers } from '../api/registry-queries.js';
import { pick } from '../i18n/i18n.js';
import { AnswerFields } from './AnswerFields.js';
import { answerBody, answerProblems, blankAnswer, recordableActions, type AnswerDraft } from './recorded-answer.js';

/** The documents the answer may be: the request's evidence and the order's own, none erased. */
function useAnswerDocuments(order: DomesticOrder) {
  const mayRead = useHasPermission('evidence:read');
  const ofRequest = useRequestEvidence(order.requestId ?? '', mayRead && order.requestId !== null);
  const ofOrder = useOrderEvidence(order.id, mayRead);
  return [...(ofRequest.data ?? []), ...(ofOrder.data ?? [])].filter((item) => item.erasedAt === null);
}

function AnswerForm({ order, onDone }: { readonly order: DomesticOrder; readonly onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const step = useOrderStep(order.id);
  const documents = useAnswerDocuments(order);
  const [draft, setDraft] = useState<AnswerDraft>(() => blankAnswer(order));
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const problems = answerProblems(order, draft, new Date());
  const refused = step.error instanceof ApiError ? step.error.fieldErrors : [];
  const errorOf = (field: keyof AnswerDraft) => {
    const own = tried ? problems.get(field) : undefined;
    if (own === 'inFuture') return t('recordedAnswer.inFuture');
    if (own === 'beyondPeriod') return t('provider.beyondPeriod');
    if (own === 'required') return t('validation.required');
    return refused.find((f) => f.path.endsWith(`/${field}`))?.message;
  };
  const send = () =>
    step.mutate(
      { answer: answerBody(order, draft) },
      {
        onSuccess: (view) => {
          onDone();
          notifications.show({
            color: 'green',
            message: t('recordedAnswer.done', { state: pick(view.stateLabel, i18n.language) }),
          });
        },
        onError: () => setConfirming(false),
      },
    );
  return (
    <Stack>
      {confirming ? (
        <Text>
          {t('recordedAnswer.confirmQuestion', {
            provider: order.provider.legalName,
            action: t(`orderAction.${draft.action}`),
            reference: order.reference,
          })}
        </Text>
      ) : (
        <AnswerFields
          order={order}
          draft={draft}
          onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
          documents={documents}
          errorOf={errorOf}
        />
      )}
      {step.error !== null && (
        <Alert color="red" role="alert">
          {step.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={confirming ? () => setConfirming(false) : onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={step.isPending}
          onClick={() => {
            if (confirming) return send();
            setTried(true);
            if (problems.size === 0) setConfirming(true);
          }}
        >
          {confirming ? t('common.confirm') : t('recordedAnswer.open')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * For a provider with no account on the platform, the officer records its answer (the audited path): shown
 * only when no user acts for the provider and its order waits for one of the provider's steps.
 */
export function RecordedAnswer({ order }: { readonly order: DomesticOrder }) {
  const { t } = useTranslation();
  const members = useProviderMembers(order.provider.id);
  const [open, setOpen] = useState(false);
  if (members.data === undefined || members.data.length > 0 || recordableActions(order).length === 0) return null;
  return (
    <section aria-labelledby="order-recorded-answer">
      <Title order={2} size="h4" id="order-recorded-answer" mb="xs">
        {t('recordedAnswer.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('recordedAnswer.intro')}
      </Text>
      <Button variant="outline" onClick={() => setOpen(true)}>
        {t('recordedAnswer.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('recordedAnswer.open')} size="lg">
        {open && <AnswerForm order={order} onDone={() => setOpen(false)} />}
      </Modal>
    </section>
  );
}
