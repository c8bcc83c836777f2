import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remaining, utcTime } from './format.js';

/** A live legal clock: ticks every second, red once overdue. */
export function Countdown({ dueAt }: { readonly dueAt: string }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const { overdue, text } = remaining(new Date(dueAt).getTime() - now, i18n.language);
  return (
    <Text span size="sm" fw={overdue ? 700 : 500} c={overdue ? 'red.8' : 'inherit'} title={utcTime(dueAt)}>
      {overdue ? t('time.overdueBy', { time: text }) : t('time.dueIn', { time: text })}
    </Text>
  );
}
