import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stateNameOf, type NodeProfile } from './node-profile.js';

/** "Singapore · Singapore 24/7": whose node this is, always in sight, in the reader's language. */
export function NodePlace({
  profile,
  size = 'xs',
}: {
  readonly profile: NodeProfile | undefined;
  readonly size?: string;
}) {
  const { t, i18n } = useTranslation();
  if (profile === undefined) return null;
  return (
    <Text size={size} c="dimmed" truncate="end" data-testid="node-place" title={t('place.hint')}>
      {t('place.label', { state: stateNameOf(profile, i18n.language), name: profile.name })}
    </Text>
  );
}
