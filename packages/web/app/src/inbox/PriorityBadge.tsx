import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours = { emergency: 'red', urgent: 'orange', normal: 'gray' } as const;

/** Emergency is filled red: the one thing an officer must not miss in a list. */
export function PriorityBadge({ priority }: { readonly priority: 'emergency' | 'urgent' | 'normal' }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[priority]} variant={priority === 'emergency' ? 'filled' : 'light'}>
      {t(`priority.${priority}`)}
    </Badge>
  );
}
