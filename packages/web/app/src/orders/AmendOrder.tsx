import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useOrderStep, type AmendOrderBody } from '../api/order-queries.js';
import type { DomesticOrder } from '../api/order-types.js';
import { pick } from '../i18n/i18n.js';
import { maximumPreservationDays } from './order-draft.js';

interface Props {
  readonly order: DomesticOrder;
  readonly opened: boolean;
  readonly onClose: () => void;
}

/** After the review of an objection: the changed grounds or period and why; the order goes back for authorisation. */
export function AmendOrder({ order, opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const step = useOrderStep(order.id);
  const [note, setNote] = useState('');
  const [grounds, setGrounds] = useState(order.terms.grounds);
  const [days, setDays] = useState<number | string>(order.terms.durationDays ?? '');
  const [tried, setTried] = useState(false);
  const fieldError = (field: string) =>
    step.error instanceof ApiError ? step.error.fieldErrors.find((f) => f.path.endsWith(field))?.message : undefined;
  const submit = () => {
    setTried(true);
    if (note.trim() === '' || grounds.trim() === '') return;
    const body: AmendOrderBody = { note: note.trim() };
    if (grounds.trim() !== order.terms.grounds) body.grounds = grounds.trim();
    if (typeof days === 'number' && days !== order.terms.durationDays) body.durationDays = days;
    step.mutate(
      { amend: body },
      {
        onSuccess: (view) => {
          onClose();
          notifications.show({
            color: 'green',
            message: t('orderPage.done', {
              action: t('orderAction.amend'),
              state: pick(view.stateLabel, i18n.language),
            }),
          });
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('orderAction.amend')} size="lg">
      <Stack>
        <Text size="sm">{t('amendOrder.intro')}</Text>
        <Textarea
          label={t('amendOrder.note')}
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tried && note.trim() === '' ? t('validation.required') : fieldError('/note')}
        />
        <Textarea
          label={t('amendOrder.grounds')}
          required
          autosize
          minRows={3}
          value={grounds}
          onChange={(e) => setGrounds(e.currentTarget.value)}
          error={tried && grounds.trim() === '' ? t('validation.required') : fieldError('/grounds')}
        />
        {order.terms.durationDays !== null && (
          <NumberInput
            label={t('orderForm.durationDays')}
            min={1}
            max={maximumPreservationDays}
            value={days}
            onChange={setDays}
            error={fieldError('/durationDays')}
          />
        )}
        {step.error !== null && (
          <Alert color="red" role="alert">
            {step.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={step.isPending} onClick={submit}>
            {t('orderAction.amend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
