import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../api/queries.js';
import { hrefOf } from '../routing/route.js';
import { officerZone } from '../time/format.js';
import { OrderForm } from './OrderForm.js';

/** "Issue domestic order" from an accepted incoming request: the form opens with the request's terms. */
export function OrderDraftPage({ requestId }: { readonly requestId: string }) {
  const { t } = useTranslation();
  const request = useRequest(requestId);
  if (request.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (request.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const r = request.data;
  return (
    <Stack maw={860}>
      <Anchor href={hrefOf({ page: 'request', id: r.id })}>← {t('orderForm.back', { reference: r.reference })}</Anchor>
      <Title order={1} size="h2">
        {t('orderForm.title')}
      </Title>
      <Text c="dimmed">{t('orderForm.intro', { reference: r.reference })}</Text>
      {/* Mounted once the request is known, so polling never resets what the officer typed. */}
      <OrderForm request={r} officerZone={officerZone()} />
    </Stack>
  );
}
