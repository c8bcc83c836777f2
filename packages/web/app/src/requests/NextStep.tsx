import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { Countdown } from '../time/Countdown.js';

const colours = { viewer: 'indigo', colleague: 'gray', order: 'teal', partner: 'gray', none: 'gray' } as const;

/** One sentence on who must act next and by when, above everything else on the request. */
export function NextStep({ request }: { readonly request: RequestView }) {
  const { t, i18n } = useTranslation();
  const { owner, actions, roles, dueAt } = request.nextStep;
  const action = actions
    .slice(0, owner === 'viewer' ? actions.length : 2)
    .map((a) => pick(a.label, i18n.language))
    .join(` ${t('nextStep.or')} `);
  const who = roles.map((role) => t(`nextStep.role_${role}`)).join(` ${t('nextStep.or')} `);
  const partner = request.direction === 'outgoing' ? request.requestedState : request.requestingState;
  const state = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(partner) ?? partner;
  return (
    <Alert color={colours[owner]} title={t('nextStep.title')} data-testid="next-step" data-owner={owner}>
      <Group gap="xs">
        <Text fw={owner === 'viewer' ? 700 : 500}>{t(`nextStep.${owner}`, { action, who, state })}</Text>
        {dueAt !== null && <Countdown dueAt={dueAt} />}
      </Group>
      {owner === 'colleague' && (
        <Text size="sm" c="dimmed">
          {t('nextStep.notYours', { who })}
        </Text>
      )}
    </Alert>
  );
}
