import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remaining } from '../time/format.js';
import { expiryWarningMs, sessionExpiry } from './session-expiry.js';

/** A banner minutes before the session ends, so no one loses a half-written refusal. */
export function SessionExpiryWarning({ onSignOut }: { readonly onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const expiresAt = sessionExpiry();
  if (expiresAt === null) return null;
  const left = new Date(expiresAt).getTime() - now;
  if (left > expiryWarningMs) return null;
  return (
    <Alert color="orange" role="alert" title={t('session.expiringTitle')} mb="md">
      <Group justify="space-between">
        <Text size="sm">
          {left > 0 ? t('session.expiresIn', { time: remaining(left, i18n.language).text }) : t('session.expired')}
        </Text>
        <Button size="xs" variant="white" onClick={onSignOut}>
          {t('session.signInAgain')}
        </Button>
      </Group>
    </Alert>
  );
}
