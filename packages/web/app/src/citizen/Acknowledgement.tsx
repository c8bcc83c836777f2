import { Button, Card, CopyButton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublicHeader } from './PublicHeader.js';

/** The private status link: the app's address with the number and the token in its hash. */
export function statusLinkOf(receipt: { acknowledgementNumber: string; statusToken: string }): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}#/report-status/${receipt.acknowledgementNumber}/${receipt.statusToken}`;
}

/** After sending: the acknowledgement number and the private status link, shown once, to copy. */
export function Acknowledgement({
  receipt,
}: {
  readonly receipt: { acknowledgementNumber: string; statusToken: string };
}) {
  const { t } = useTranslation();
  const link = statusLinkOf(receipt);
  return (
    <Card component="main" withBorder maw={720} mx="auto" mt="md" p="md">
      <PublicHeader />
      <Stack>
        <Title order={1} size="h3">
          {t('citizen.thanksTitle')}
        </Title>
        <Text>{t('citizen.ackLabel')}</Text>
        <Text fw={700} size="xl" data-testid="ack-number">
          {receipt.acknowledgementNumber}
        </Text>
        <TextInput label={t('citizen.statusLinkLabel')} readOnly value={link} data-testid="status-link" />
        <Text size="sm" c="dimmed">
          {t('citizen.statusLinkHint')}
        </Text>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('citizen.copied') : t('citizen.copy')}
            </Button>
          )}
        </CopyButton>
        <Button component="a" href={link.slice(link.indexOf('#'))}>
          {t('citizen.openStatus')}
        </Button>
      </Stack>
    </Card>
  );
}
