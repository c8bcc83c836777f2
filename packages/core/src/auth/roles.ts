/**
 * Who works in a node. Names follow the Convention's institutions: the 24/7 point of
 * contact (Art. 41) is staffed by duty officers; the central authority (Art. 40) by
 * its officers; supervisors approve what leaves the node (four-eyes).
 *
 * Online fraud (issue 14): an institution reporter acts for a bank, payment firm, e-wallet or
 * telecom registered like a provider and only submits fraud reports; the fraud analyst and the
 * fraud supervisor read reports and indicators. Their workbench (triage, four-eyes confirmation,
 * actions) comes later: for now they hold the read permissions only.
 */
export const roles = [
  'duty_officer',
  'central_authority_officer',
  'supervisor',
  'provider_user',
  'institution_reporter',
  'fraud_analyst',
  'fraud_supervisor',
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
  'fraud-reports:submit',
  'fraud-reports:read',
  'indicators:read',
  'indicators:retract',
] as const;
export type Permission = (typeof permissions)[number];

/** The roles of people outside the State's authorities, who act for a company registered in the node. */
const externalRoles: readonly Role[] = ['provider_user', 'institution_reporter'];

/** Every role other than a service provider's or an institution's user works for the State: an officer role. */
export function isOfficerRole(role: Role): boolean {
  return !externalRoles.includes(role);
}

const desk: readonly Role[] = ['duty_officer', 'central_authority_officer', 'supervisor'];
const fraudDesk: readonly Role[] = ['fraud_analyst', 'fraud_supervisor'];

/** Who holds each permission, as data: one line to read per permission. */
const holders: Readonly<Record<Permission, readonly Role[]>> = {
  'profile:read': roles,
  'tokens:manage-own': roles,
  'users:read': ['administrator'],
  'users:manage': ['administrator'],
  'audit:read': ['auditor'],
  'metrics:read': ['administrator'],
  'federation:manage': ['administrator'],
  'node:read': roles.filter(isOfficerRole),
  'requests:read': desk,
  'requests:draft': desk,
  'requests:approve': ['supervisor'],
  'provider-orders:respond': ['provider_user'],
  'evidence:read': desk,
  'evidence:add': desk,
  // Disclosing evidence and recording the origin State's consent are central-authority acts (Arts. 36, 40).
  'evidence:export': ['central_authority_officer', 'supervisor'],
  'evidence:authorise-transfer': ['central_authority_officer'],
  // The registry of service providers is the node's reference data, kept by its operators.
  'providers:read': [...desk, 'administrator'],
  'providers:manage': ['administrator', 'central_authority_officer'],
  'orders:issue': desk,
  // Recording the Art. 24 authorisation is a second officer's act (four-eyes), as approving a request is.
  'orders:authorise': ['supervisor'],
  // Banks, e-wallets and telecoms report through the API, bound to their institution by the member link.
  'fraud-reports:submit': ['institution_reporter'],
  // The analyst's workbench comes with the clustering brick; these are the reads it will need.
  'fraud-reports:read': fraudDesk,
  'indicators:read': fraudDesk,
  // Withdrawing an indicator splits the clusters it joined: the supervisor's act, audited.
  'indicators:retract': ['fraud_supervisor'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return holders[permission].includes(role);
}

export function permissionsOf(held: readonly Role[]): ReadonlySet<Permission> {
  return new Set(permissions.filter((permission) => held.some((role) => roleGrants(role, permission))));
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
