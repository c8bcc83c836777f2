import { Alert, Button, Group, List, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useMembership, useProviderMembers, useProviderUsers, type ProviderView } from '../api/registry-queries.js';
import { RecordInstant } from '../records/RecordValue.js';

/** The accounts acting for the provider; link one of the provider users, unlink one after a confirmation. */
export function ProviderMembers({ provider }: { readonly provider: ProviderView }) {
  const { t } = useTranslation();
  const members = useProviderMembers(provider.id);
  const mayListUsers = useHasPermission('users:read');
  const users = useProviderUsers(mayListUsers);
  const membership = useMembership(provider.id);
  const [chosen, setChosen] = useState('');
  const [unlinking, setUnlinking] = useState<{ userId: string; username: string } | null>(null);
  if (members.data === undefined) return members.isError ? null : <Text c="dimmed">{t('common.loading')}</Text>;
  const linked = new Set(members.data.map((m) => m.userId));
  const free = (users.data ?? []).filter((u) => !linked.has(u.id));
  const link = () => {
    const user = free.find((u) => u.id === chosen);
    if (user === undefined) return;
    membership.mutate(
      { userId: user.id },
      {
        onSuccess: () => {
          setChosen('');
          notifications.show({
            color: 'green',
            message: t('providerPage.linked', { user: user.username, name: provider.legalName }),
          });
        },
      },
    );
  };
  const unlink = (member: { userId: string; username: string }) =>
    membership.mutate(
      { userId: member.userId, unlink: true },
      {
        onSuccess: () => {
          setUnlinking(null);
          notifications.show({
            color: 'green',
            message: t('providerPage.unlinked', { user: member.username, name: provider.legalName }),
          });
        },
      },
    );
  return (
    <Stack gap="sm">
      {members.data.length === 0 ? (
        <Text c="dimmed">{t('providerPage.noMembers')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" data-testid="provider-members">
          {members.data.map((m) => (
            <List.Item key={m.userId}>
              <Group gap="sm">
                <Text fw={500}>{m.username}</Text>
                <Text size="sm" c="dimmed">
                  {t('providerPage.since')} <RecordInstant iso={m.createdAt} />
                </Text>
                <Button size="xs" variant="subtle" color="red" onClick={() => setUnlinking(m)}>
                  {t('providerPage.unlink')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {!mayListUsers ? (
        <Text size="sm" c="dimmed">
          {t('providerPage.usersHidden')}
        </Text>
      ) : users.data !== undefined && free.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('providerPage.noFreeUsers')}
        </Text>
      ) : (
        <Group align="end">
          <NativeSelect
            label={t('providerPage.user')}
            value={chosen}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...free.map((u) => ({ value: u.id, label: `${u.username} · ${u.displayName}` })),
            ]}
          />
          <Button disabled={chosen === ''} loading={membership.isPending && unlinking === null} onClick={link}>
            {t('providerPage.link')}
          </Button>
        </Group>
      )}
      {membership.error !== null && unlinking === null && (
        <Alert color="red" role="alert">
          {membership.error.message}
        </Alert>
      )}
      <Modal opened={unlinking !== null} onClose={() => setUnlinking(null)} title={t('providerPage.unlink')}>
        <Stack>
          <Text>{t('providerPage.unlinkQuestion', { user: unlinking?.username ?? '', name: provider.legalName })}</Text>
          {membership.error !== null && (
            <Alert color="red" role="alert">
              {membership.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnlinking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={membership.isPending} onClick={() => unlinking !== null && unlink(unlinking)}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
