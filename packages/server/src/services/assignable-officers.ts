import { userPrincipal } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import { userRepository, type UserRecord } from '../repositories/user.repository.js';
import { canSee, visibleOrNotFound, type Assignee } from './request-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

/** Who may be handed a request: an active account that could open it (one rule for the list and the assignment). */
export function mayBeAssigned(user: UserRecord, record: Pick<RequestRecord, 'type'>): boolean {
  return user.status === 'active' && canSee(userPrincipal(user, 'session'), record);
}

/**
 * The officers a request can be assigned to, for the picker on the request page. Officers do not
 * hold users:read, so this answers only names and ids, and only to whoever may assign this request;
 * it is still officers' personal data, so the read is audited.
 */
export function assignableOfficersOf(deps: ServiceRuntime) {
  return async (context: CallContext, id: string, purpose: string | null): Promise<Assignee[]> => {
    const principal = requirePermission(context.principal, 'requests:draft');
    return deps.db.transaction().execute(async (tx) => {
      const record = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
      const officers = (await userRepository.listActive(tx))
        .filter((user) => mayBeAssigned(user, record))
        .map((user) => ({ id: user.id, displayName: user.displayName }));
      await auditRepository.append(
        tx,
        auditEntryFor(deps, context, {
          action: 'request.assignees-listed',
          objectType: 'request',
          objectId: id,
          purpose,
          details: { reference: record.reference, count: officers.length },
        }),
      );
      return officers;
    });
  };
}
