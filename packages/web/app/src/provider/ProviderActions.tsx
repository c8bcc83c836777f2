import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderAnswer, type ProviderAnswer } from '../api/provider-queries.js';
import { objectionCodes, type ObjectionCode, type ProviderOrder } from '../api/provider-types.js';
import { pick } from '../i18n/i18n.js';
import { formatLocalDate } from '../time/local-date.js';
import { LocalDateInput } from '../time/LocalDateInput.js';

type Form = 'confirm-preservation' | 'object';
// Production has its own form (the upload) below the buttons.
const formless = new Set(['acknowledge', 'start-collection']);

/** The end of the current ordered period as a date in the browser's zone: the latest the node accepts. */
export const lastPeriodDay = (order: Pick<ProviderOrder, 'periods'>): string => {
  const end = order.periods.at(-1)?.end;
  return end === undefined ? '' : new Date(end).toLocaleDateString('sv');
};

/**
 * The instant a chosen day means: the end of that day in the browser's zone, but never past the end of
 * the order's period (UN art. 25): the period's last day means exactly its end.
 */
export function preservedUntilOf(order: Pick<ProviderOrder, 'periods'>, day: string): string {
  const endOfDay = new Date(`${day}T23:59:59`).toISOString();
  const end = order.periods.at(-1)?.end;
  return end !== undefined && Date.parse(endOfDay) > Date.parse(end) ? end : endOfDay;
}

/** The provider's answers the node allows now; confirming and objecting need words, so they open a short form. */
export function ProviderActions({ order }: { readonly order: ProviderOrder }) {
  const { t, i18n } = useTranslation();
  const answer = useProviderAnswer(order.id);
  const [open, setOpen] = useState<Form | null>(null);
  const [until, setUntil] = useState('');
  const [what, setWhat] = useState('');
  const [reasonCode, setReasonCode] = useState<ObjectionCode>(objectionCodes[0]);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  const send = (body: ProviderAnswer) =>
    answer.mutate(body, {
      onSuccess: (view) => {
        setOpen(null);
        const label = order.availableActions.find((a) => a.action === body.action)?.label;
        notifications.show({
          color: 'green',
          message: t('provider.done', {
            action: label === undefined ? body.action : pick(label, i18n.language),
            state: pick(view.stateLabel, i18n.language),
          }),
        });
      },
    });
  const start = (action: string) => {
    if (action === 'acknowledge' || action === 'start-collection') return send({ action });
    if (action === 'confirm-preservation') setUntil(lastPeriodDay(order));
    setMissing(false);
    answer.reset();
    setOpen(action as Form);
  };
  const confirm = () => {
    if (open === 'confirm-preservation') {
      if (until === '' || what.trim() === '' || until > lastPeriodDay(order)) return setMissing(true);
      send({ action: 'confirm-preservation', preservedUntil: preservedUntilOf(order, until), what: what.trim() });
    } else if (open === 'object') {
      if (note.trim() === '') return setMissing(true);
      send({ action: 'object', reasonCode, note: note.trim() });
    }
  };
  const buttons = order.availableActions.filter(
    (a) => formless.has(a.action) || a.action === 'confirm-preservation' || a.action === 'object',
  );
  const failure = answer.error?.message;
  const title = order.availableActions.find((a) => a.action === open)?.label;

  if (buttons.length === 0) return <Text c="dimmed">{t('provider.noAction')}</Text>;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {buttons.map((a) => (
          <Button
            key={a.action}
            color={a.action === 'object' ? 'red' : 'indigo'}
            variant={a.action === 'object' ? 'outline' : 'filled'}
            loading={answer.isPending && answer.variables.action === a.action}
            onClick={() => start(a.action)}
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
        title={title === undefined ? '' : pick(title, i18n.language)}
      >
        <Stack>
          {open === 'confirm-preservation' && (
            <>
              <LocalDateInput
                label={t('provider.preservedUntil')}
                required
                value={until}
                onChange={setUntil}
                description={t('provider.preservedUntilHint', {
                  date: formatLocalDate(lastPeriodDay(order), i18n.language),
                })}
                error={
                  missing && until === ''
                    ? t('validation.required')
                    : until > lastPeriodDay(order)
                      ? t('provider.beyondPeriod')
                      : undefined
                }
              />
              <Textarea
                label={t('provider.preservedWhat')}
                required
                autosize
                minRows={3}
                value={what}
                onChange={(e) => setWhat(e.currentTarget.value)}
                error={missing && what.trim() === '' ? t('validation.required') : undefined}
              />
            </>
          )}
          {open === 'object' && (
            <>
              <NativeSelect
                label={t('provider.reasonCode')}
                required
                value={reasonCode}
                onChange={(e) => setReasonCode(e.currentTarget.value as ObjectionCode)}
                data={objectionCodes.map((code) => ({ value: code, label: t(`objection.${code}`) }))}
              />
              <Textarea
                label={t('provider.note')}
                required
                autosize
                minRows={3}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={missing && note.trim() === '' ? t('validation.required') : undefined}
              />
            </>
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
            <Button onClick={confirm} loading={answer.isPending}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
