import type { Permission, Role } from './roles.js';
import { permissionsOf } from './roles.js';

/**
 * The authenticated caller of a use case. A token principal carries only the
 * permissions its scopes allow, never more than its owner's roles grant.
 */
export interface Principal {
  readonly kind: 'user' | 'system';
  readonly userId: string | null;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly permissions: ReadonlySet<Permission>;
  readonly via: 'session' | 'api-token' | 'cli' | 'bootstrap';
  readonly sessionId?: string;
  readonly tokenId?: string;
}

export function userPrincipal(
  user: { readonly id: string; readonly username: string; readonly roles: readonly Role[] },
  via: 'session' | 'api-token',
  scopes?: readonly Permission[],
): Principal {
  const granted = permissionsOf(user.roles);
  const effective = scopes === undefined ? granted : new Set(scopes.filter((scope) => granted.has(scope)));
  return { kind: 'user', userId: user.id, username: user.username, roles: user.roles, permissions: effective, via };
}

/** The operator at the node's console (CLI): trusted by possession of the data dir. */
export function operatorPrincipal(operator: string): Principal {
  return {
    kind: 'system',
    userId: null,
    username: `cli:${operator}`,
    roles: ['administrator'],
    permissions: permissionsOf(['administrator']),
    via: 'cli',
  };
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}
