import { Alert, Anchor, List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrderEvidence } from '../api/order-queries.js';
import { byteSize } from '../evidence/format.js';
import { hrefOf } from '../routing/route.js';

/** What the provider produced under the order, each item opening its custody view. */
export function OrderEvidence({ orderId }: { readonly orderId: string }) {
  const { t, i18n } = useTranslation();
  const items = useOrderEvidence(orderId);
  if (items.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed')}
      </Alert>
    );
  }
  if (items.data === undefined) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (items.data.length === 0) return <Text c="dimmed">{t('orderPage.noEvidence')}</Text>;
  return (
    <List>
      {items.data.map((item) => (
        <List.Item key={item.id}>
          <Anchor href={hrefOf({ page: 'evidence', id: item.id })}>{item.filename}</Anchor> (
          {byteSize(item.size, i18n.language)})
        </List.Item>
      ))}
    </List>
  );
}
