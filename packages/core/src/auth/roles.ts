/**
 * Who works in a node. Names follow the Convention's institutions: the 24/7 point of
 * contact (Art. 41) is staffed by duty officers; the central authority (Art. 40) by
 * its officers; supervisors approve what leaves the node (four-eyes).
 */
export const roles = [
  'duty_officer',
  'central_authority_officer',
  'supervisor',
  'provider_user',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'profile:read',
  'tokens:manage-own',
  'users:read',
  'users:manage',
  'audit:read',
  'metrics:read',
  'node:read',
  'federation:manage',
  'requests:read',
  'requests:draft',
  'requests:approve',
  'provider-orders:respond',
  'evidence:read',
  'evidence:add',
  'evidence:export',
  'evidence:authorise-transfer',
  'providers:read',
  'providers:manage',
  'orders:issue',
  'orders:authorise',
] as const;
export type Permission = (typeof permissions)[number];

/** Every role other than a service-provider user works for the State: an officer role. */
export function isOfficerRole(role: Role): boolean {
  return role !== 'provider_user';
}

export function roleGrants(role: Role, permission: Permission): boolean {
  switch (permission) {
    case 'profile:read':
    case 'tokens:manage-own':
      return true;
    case 'users:read':
    case 'users:manage':
      return role === 'administrator';
    case 'audit:read':
      return role === 'auditor';
    case 'metrics:read':
      return role === 'administrator';
    case 'federation:manage':
      return role === 'administrator';
    case 'node:read':
      return role !== 'provider_user';
    case 'requests:read':
    case 'requests:draft':
      return role === 'duty_officer' || role === 'central_authority_officer' || role === 'supervisor';
    case 'requests:approve':
      return role === 'supervisor';
    case 'provider-orders:respond':
      return role === 'provider_user';
    case 'evidence:read':
    case 'evidence:add':
      return role === 'duty_officer' || role === 'central_authority_officer' || role === 'supervisor';
    // Disclosing evidence and recording the origin State's consent are central-authority acts (Arts. 36, 40).
    case 'evidence:export':
      return role === 'central_authority_officer' || role === 'supervisor';
    case 'evidence:authorise-transfer':
      return role === 'central_authority_officer';
    // The registry of service providers is the node's reference data, kept by its operators.
    case 'providers:read':
      return (
        role === 'duty_officer' ||
        role === 'central_authority_officer' ||
        role === 'supervisor' ||
        role === 'administrator'
      );
    case 'providers:manage':
      return role === 'administrator' || role === 'central_authority_officer';
    case 'orders:issue':
      return role === 'duty_officer' || role === 'central_authority_officer' || role === 'supervisor';
    // Recording the Art. 24 authorisation is a second officer's act (four-eyes), as approving a request is.
    case 'orders:authorise':
      return role === 'supervisor';
  }
}

export function permissionsOf(held: readonly Role[]): ReadonlySet<Permission> {
  return new Set(permissions.filter((permission) => held.some((role) => roleGrants(role, permission))));
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
