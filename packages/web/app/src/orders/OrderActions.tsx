import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useOrderTransition } from '../api/order-queries.js';
import type { DomesticOrder } from '../api/order-types.js';
import { pick } from '../i18n/i18n.js';
import { AmendOrder } from './AmendOrder.js';
import { WithheldActions } from './WithheldActions.js';
import { maximumPreservationDays } from './order-draft.js';

type Action = DomesticOrder['availableActions'][number];

// Each of these commits the State towards the provider or ends the order: ask once more, as the request page does.
const needsConfirmation = new Set(['authorise', 'serve', 'renew', 'withdraw', 'release', 'enforce', 'end-collection']);
// These are explained in the order's record (core's `note` guard).
const needsNote = new Set(['withdraw', 'review', 'enforce', 'end-collection', 'release']);

/** A note where the action is explained; a renewal's own length when the officer gave one. */
function payloadOf(action: string, note: string, renewalDays: number | string): Record<string, unknown> {
  if (needsNote.has(action)) return { note: note.trim() };
  return action === 'renew' && typeof renewalDays === 'number' ? { renewalDays } : {};
}

/** The officer's actions the server allows now on the order, the weighty ones behind a confirmation. */
export function OrderActions({ order }: { readonly order: DomesticOrder }) {
  const { t, i18n } = useTranslation();
  const transition = useOrderTransition(order.id);
  const [open, setOpen] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [renewalDays, setRenewalDays] = useState<number | string>('');
  const [amending, setAmending] = useState(false);
  const run = (action: Action, payload: Record<string, unknown>) =>
    transition.mutate(
      { action: action.action, payload },
      {
        onSuccess: (view) => {
          setOpen(null);
          notifications.show({
            color: 'green',
            message: t('orderPage.done', {
              action: pick(action.label, i18n.language),
              state: pick(view.stateLabel, i18n.language),
            }),
          });
        },
      },
    );
  const start = (action: Action) => {
    // Amending changes the terms: its own form and route.
    if (action.action === 'amend') return setAmending(true);
    if (!needsConfirmation.has(action.action) && !needsNote.has(action.action)) return run(action, {});
    setNote('');
    setRenewalDays('');
    setOpen(action);
  };
  const failure = transition.error instanceof ApiError ? transition.error.message : transition.error?.message;
  if (order.availableActions.length === 0) {
    return (
      <Stack gap="xs">
        <Text c="dimmed">{t('orderPage.noActions')}</Text>
        <WithheldActions order={order} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {order.availableActions.map((a) => (
          <Button
            key={a.action}
            variant={a.action === 'withdraw' ? 'outline' : 'filled'}
            color={a.action === 'withdraw' ? 'red' : 'indigo'}
            loading={transition.isPending && transition.variables.action === a.action}
            onClick={() => start(a)}
          >
            {pick(a.label, i18n.language)}
          </Button>
        ))}
      </Group>
      <WithheldActions order={order} />
      {failure !== undefined && open === null && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === null ? '' : pick(open.label, i18n.language)}
      >
        <Stack>
          {open !== null && (
            <Text>
              {t('orderPage.confirmQuestion', { action: pick(open.label, i18n.language), reference: order.reference })}
            </Text>
          )}
          {open !== null && needsNote.has(open.action) && (
            <Textarea
              label={t('orderPage.note')}
              required
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
          {open?.action === 'renew' && (
            <NumberInput
              label={t('amendOrder.renewalDays')}
              description={t('amendOrder.renewalHint', { max: maximumPreservationDays })}
              min={1}
              max={maximumPreservationDays}
              value={renewalDays}
              onChange={setRenewalDays}
            />
          )}
          {failure !== undefined && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={transition.isPending}
              onClick={() => open !== null && run(open, payloadOf(open.action, note, renewalDays))}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <AmendOrder order={order} opened={amending} onClose={() => setAmending(false)} />
    </Stack>
  );
}
