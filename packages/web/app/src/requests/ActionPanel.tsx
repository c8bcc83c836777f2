import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useStateMachines, useTransition } from '../api/queries.js';
import type { AvailableAction, RequestType, RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import {
  buildPayload,
  checkPayload,
  emptyPayload,
  payloadFieldsFor,
  type PayloadDraft,
  type PayloadField,
} from './action-payload.js';
import { PayloadFields } from './PayloadFields.js';

// Undoing these takes a new request or a partner's goodwill, or they commit the State: ask once more.
const needsConfirmation = new Set(['approve', 'send', 'accept', 'withdraw', 'refuse', 'postpone']);

/** The actions the server allows now, as buttons; the ones that need words open a short form. */
export function ActionPanel({
  request,
  requestType,
}: {
  readonly request: RequestView;
  readonly requestType: RequestType | undefined;
}) {
  const { t, i18n } = useTranslation();
  const machines = useStateMachines();
  const transition = useTransition(request.id);
  const [open, setOpen] = useState<{ action: AvailableAction; fields: PayloadField[] } | null>(null);
  const [draft, setDraft] = useState<PayloadDraft>(emptyPayload);
  const [errors, setErrors] = useState<Partial<Record<PayloadField, string>>>({});
  const fieldsRef = useRef<HTMLDivElement>(null);
  // Bumped by a refused confirmation: focus goes to the first field the officer must fix.
  const [errorFocus, setErrorFocus] = useState(0);
  useEffect(() => {
    if (errorFocus > 0) fieldsRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorFocus]);

  const guardsOf = (action: string) => {
    const family = machines.data?.find((m) => m.family === requestType?.family);
    return family?.transitions.filter((tr) => tr.action === action).flatMap((tr) => tr.guards) ?? [];
  };
  // The grounds of the request's own legal basis: a UN-basis preservation never offers a political offence.
  const groundsOf = (action: string) => {
    const byBasis = guardsOf(action).includes('postponement-grounds')
      ? requestType?.postponementGrounds
      : requestType?.refusalGrounds;
    return byBasis?.[request.legalBasis] ?? [];
  };
  const run = (action: AvailableAction, payload: Record<string, unknown>) =>
    transition.mutate(
      { action: action.action, payload },
      {
        onSuccess: (view) => {
          setOpen(null);
          notifications.show({
            color: 'green',
            message: t('actions.done', {
              action: pick(action.label, i18n.language),
              state: pick(view.stateLabel, i18n.language),
            }),
          });
        },
      },
    );
  const start = (action: AvailableAction) => {
    const fields = payloadFieldsFor(guardsOf(action.action));
    if (fields.length === 0 && !needsConfirmation.has(action.action)) return run(action, {});
    setDraft(emptyPayload);
    setErrors({});
    setOpen({ action, fields });
  };
  const confirm = () => {
    if (open === null) return;
    const found = checkPayload(open.fields, draft, new Date().toLocaleDateString('sv'));
    setErrors(found);
    if (Object.keys(found).length === 0) run(open.action, buildPayload(open.fields, draft, i18n.language));
    else setErrorFocus((n) => n + 1);
  };
  const failure = transition.error instanceof ApiError ? transition.error.message : transition.error?.message;

  // The guards, and so the payload an action needs, come with the state machines: an action
  // started before they arrive would open without its required fields or go with none.
  const guardsKnown = machines.data !== undefined || machines.isError;

  if (request.availableActions.length === 0) return <Text c="dimmed">{t('actions.none')}</Text>;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {request.availableActions.map((a) => (
          <Button
            key={a.action}
            variant={a.action === 'withdraw' ? 'outline' : 'filled'}
            color={a.action === 'withdraw' || a.action === 'refuse' ? 'red' : 'indigo'}
            loading={(transition.isPending && transition.variables.action === a.action) || !guardsKnown}
            onClick={() => start(a)}
          >
            {pick(a.label, i18n.language)}
          </Button>
        ))}
      </Group>
      {failure !== undefined && open === null && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === null ? '' : pick(open.action.label, i18n.language)}
      >
        <Stack ref={fieldsRef}>
          {open !== null && (
            <Text>
              {t('actions.confirmQuestion', {
                action: pick(open.action.label, i18n.language),
                reference: request.reference,
              })}
            </Text>
          )}
          <PayloadFields
            fields={open?.fields ?? []}
            draft={draft}
            errors={errors}
            onChange={setDraft}
            grounds={open === null ? [] : groundsOf(open.action.action)}
          />
          {failure !== undefined && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={transition.isPending}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
