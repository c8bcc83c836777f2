import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';

/** Where the page's public parts begin: the language switch, and the way back to the staff's sign-in. */
export function PublicHeader() {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mb="md">
      <Anchor href="#/" size="sm">
        {t('citizen.backToSignIn')}
      </Anchor>
      <LanguageSwitch />
    </Group>
  );
}
