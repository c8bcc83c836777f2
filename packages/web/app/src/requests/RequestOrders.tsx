import { Alert, Anchor, Button, List, Loader, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useOrders } from '../api/order-queries.js';
import type { RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { NextClock } from '../orders/OrderClocks.js';
import { hrefOf } from '../routing/route.js';

/** Where executing the request starts: the entry to the order form when that is the next step. */
export function DraftOrderEntry({ request }: { readonly request: RequestView }) {
  const { t } = useTranslation();
  const { owner, actions } = request.nextStep;
  if (owner !== 'viewer' || actions[0]?.action !== 'draft-domestic-order') return null;
  return (
    <Button component="a" href={hrefOf({ page: 'order-draft', requestId: request.id })}>
      {t('orders.draftEntry')}
    </Button>
  );
}

/** The domestic orders executing an incoming request, each with its state and nearest clock. */
export function RequestOrders({ request }: { readonly request: RequestView }) {
  const { t, i18n } = useTranslation();
  const mayIssue = useHasPermission('orders:issue');
  const shown = mayIssue && request.direction === 'incoming';
  const orders = useOrders({ requestId: request.id }, shown);
  if (!shown) return null;
  return (
    <section aria-labelledby="request-orders">
      <Title order={2} size="h4" id="request-orders" mb="xs">
        {t('orders.ofRequest')}
      </Title>
      {orders.isError && (
        <Alert color="red" role="alert">
          {t('common.loadFailed')}
        </Alert>
      )}
      {orders.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {orders.data?.length === 0 && <Text c="dimmed">{t('orders.noneForRequest')}</Text>}
      {orders.data !== undefined && orders.data.length > 0 && (
        <List data-testid="request-orders">
          {orders.data.map((o) => (
            <List.Item key={o.id}>
              <Anchor href={hrefOf({ page: 'order', id: o.id })} ff="monospace">
                {o.reference}
              </Anchor>{' '}
              · {o.provider.legalName} · {pick(o.stateLabel, i18n.language)} · <NextClock order={o} />
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
