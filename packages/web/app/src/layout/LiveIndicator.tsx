import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../live/live-mode.js';

/** Tells the officer whether the desk updates itself at once or every few seconds. */
export function LiveIndicator({ status }: { readonly status: LiveStatus }) {
  const { t } = useTranslation();
  const live = status === 'live';
  return (
    <Badge
      role="status"
      variant="dot"
      color={live ? 'green' : 'gray'}
      tt="none"
      title={t(live ? 'live.liveHint' : 'live.pollingHint')}
    >
      {t(live ? 'live.live' : 'live.polling')}
    </Badge>
  );
}
