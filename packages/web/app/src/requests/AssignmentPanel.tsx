import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../api/evidence-queries.js';
import { useAssignment, useSession } from '../api/queries.js';
import type { RequestView } from '../api/types.js';

/**
 * Who handles the request. Officers cannot list users (users:read is the administrator's), so the
 * desk offers what it can do without that: take the request, or hand it back to nobody.
 */
export function AssignmentPanel({ request }: { readonly request: RequestView }) {
  const { t } = useTranslation();
  const session = useSession();
  const mayAssign = useHasPermission('requests:draft');
  const assignment = useAssignment(request.id);
  const me = session.data?.user.id ?? null;
  const assignee = request.assignee ?? null;
  return (
    <Group gap="sm" align="center" aria-label={t('desk.assignee')} role="group">
      <Text size="sm" fw={500}>{t('desk.assignee')}:</Text>
      <Text size="sm" data-testid="request-assignee" {...(assignee === null ? { c: 'dimmed' } : {})}>{assignee?.displayName ?? t('desk.nobody')}</Text>
      {mayAssign && me !== null && assignee?.id !== me && (
        <Button size="xs" variant="light" loading={assignment.isPending} onClick={() => assignment.mutate(me)}>{t('desk.assignToMe')}</Button>
      )}
      {mayAssign && assignee !== null && (
        <Button size="xs" variant="subtle" color="gray" loading={assignment.isPending} onClick={() => assignment.mutate(null)}>{t('desk.unassign')}</Button>
      )}
      {assignment.isError && <Alert color="red" role="alert" p="xs">{t('desk.assignFailed', { reason: assignment.error.message })}</Alert>}
    </Group>
  );
}
