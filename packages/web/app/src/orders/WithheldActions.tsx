import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DomesticOrder } from '../api/order-types.js';
import { pick } from '../i18n/i18n.js';

/** Why a step of this order is not offered to the reader, and who may take it (as NextStep says for a request). */
const reasons: Readonly<Record<string, string>> = { 'order/disclosure-not-permitted': 'orderPage.withheldDisclosure' };

export function WithheldActions({ order }: { readonly order: DomesticOrder }) {
  const { t, i18n } = useTranslation();
  if (order.withheldActions.length === 0) return null;
  return (
    <List size="sm" c="dimmed" data-testid="withheld-actions">
      {order.withheldActions.map((a) => {
        const who = a.roles.map((role) => t(`nextStep.role_${role}`)).join(` ${t('nextStep.or')} `);
        const reason = reasons[a.code];
        return (
          <List.Item key={a.action}>
            <Text size="sm" span>
              {t('orderPage.withheld', { action: pick(a.label, i18n.language), who })}
              {reason === undefined ? '' : ` ${t(reason)}`}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
