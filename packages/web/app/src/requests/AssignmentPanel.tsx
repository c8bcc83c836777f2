import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignableOfficers } from '../api/assignment-queries.js';
import { useHasPermission } from '../api/evidence-queries.js';
import { useAssignment, useSession } from '../api/queries.js';
import type { RequestView } from '../api/types.js';

/**
 * Who handles the request: take it, hand it to another officer, or back to nobody. Officers cannot
 * list users (users:read is the administrator's); the picker reads the request's own list of
 * officers who can see it, which the node gives only to whoever may assign.
 */
export function AssignmentPanel({ request }: { readonly request: RequestView }) {
  const { t } = useTranslation();
  const session = useSession();
  const mayAssign = useHasPermission('requests:draft');
  const assignment = useAssignment(request.id);
  const officers = useAssignableOfficers(request.id, mayAssign);
  const [picked, setPicked] = useState<string | null>(null);
  const me = session.data?.user.id ?? null;
  const assignee = request.assignee ?? null;
  const choices = (officers.data ?? [])
    .filter((o) => o.id !== assignee?.id)
    .map((o) => ({ value: o.id, label: o.id === me ? t('assignment.you', { name: o.displayName }) : o.displayName }));
  const handOver = () => {
    if (picked === null) return;
    assignment.mutate(picked, { onSuccess: () => setPicked(null) });
  };
  return (
    <Stack gap="xs" aria-label={t('desk.assignee')} role="group">
      <Group gap="sm" align="center">
        <Text size="sm" fw={500}>
          {t('desk.assignee')}:
        </Text>
        <Text size="sm" data-testid="request-assignee" {...(assignee === null ? { c: 'dimmed' } : {})}>
          {assignee?.displayName ?? t('desk.nobody')}
        </Text>
        {mayAssign && me !== null && assignee?.id !== me && (
          <Button
            size="xs"
            variant="light"
            loading={assignment.isPending && assignment.variables === me}
            onClick={() => assignment.mutate(me)}
          >
            {t('desk.assignToMe')}
          </Button>
        )}
        {mayAssign && assignee !== null && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={assignment.isPending && assignment.variables === null}
            onClick={() => assignment.mutate(null)}
          >
            {t('desk.unassign')}
          </Button>
        )}
      </Group>
      {mayAssign && (
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            w={280}
            label={t('assignment.pickLabel')}
            placeholder={t('assignment.pickPlaceholder')}
            nothingFoundMessage={t('assignment.nothingFound')}
            searchable
            clearable
            data={choices}
            value={picked}
            onChange={setPicked}
            disabled={officers.isPending || officers.isError}
          />
          <Button
            size="xs"
            disabled={picked === null}
            loading={assignment.isPending && picked !== null && assignment.variables === picked}
            onClick={handOver}
          >
            {t('assignment.assign')}
          </Button>
        </Group>
      )}
      {officers.isError && (
        <Alert color="red" role="alert" p="xs">
          {t('assignment.loadFailed', { reason: officers.error.message })}
        </Alert>
      )}
      {assignment.isError && (
        <Alert color="red" role="alert" p="xs">
          {t('desk.assignFailed', { reason: assignment.error.message })}
        </Alert>
      )}
    </Stack>
  );
}
