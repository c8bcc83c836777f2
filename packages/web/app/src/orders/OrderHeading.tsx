import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../api/types.js';
import { pick } from '../i18n/i18n.js';

/** An order's reference, its kind and where it stands: the same heading for the desk and for the provider. */
export function OrderHeading({
  order,
}: {
  readonly order: { readonly reference: string; readonly typeTitle: Bilingual; readonly stateLabel: Bilingual };
}) {
  const { i18n } = useTranslation();
  return (
    <Group justify="space-between" align="start">
      <Stack gap={4}>
        <Title order={1} size="h2" ff="monospace">
          {order.reference}
        </Title>
        <Text>{pick(order.typeTitle, i18n.language)}</Text>
      </Stack>
      <Badge size="lg" variant="outline" data-testid="order-state">
        {pick(order.stateLabel, i18n.language)}
      </Badge>
    </Group>
  );
}
