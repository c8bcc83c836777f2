import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isOfficerRole,
  isRole,
  permissions,
  permissionsOf,
  roleGrants,
  roles,
  type Permission,
  type Role,
} from './roles.js';

const runs = { seed: 0x501e5, numRuns: 200 } as const;
const roleSet = fc.subarray([...roles]);

/** Who holds what, written out as the specification; the matrix must match it exactly. */
const holders: Readonly<Record<Permission, readonly Role[]>> = {
  'profile:read': roles,
  'tokens:manage-own': roles,
  'users:read': ['administrator'],
  'users:manage': ['administrator'],
  'audit:read': ['auditor'],
  'metrics:read': ['administrator'],
  'federation:manage': ['administrator'],
  'node:read': [
    'duty_officer',
    'central_authority_officer',
    'supervisor',
    'fraud_analyst',
    'fraud_supervisor',
    'auditor',
    'administrator',
  ],
  'requests:read': ['duty_officer', 'central_authority_officer', 'supervisor'],
  'requests:draft': ['duty_officer', 'central_authority_officer', 'supervisor'],
  'requests:approve': ['supervisor'],
  'provider-orders:respond': ['provider_user'],
  'evidence:read': ['duty_officer', 'central_authority_officer', 'supervisor'],
  'evidence:add': ['duty_officer', 'central_authority_officer', 'supervisor'],
  'evidence:export': ['central_authority_officer', 'supervisor'],
  'evidence:authorise-transfer': ['central_authority_officer'],
  'providers:read': ['duty_officer', 'central_authority_officer', 'supervisor', 'administrator'],
  'providers:manage': ['administrator', 'central_authority_officer'],
  'orders:issue': ['duty_officer', 'central_authority_officer', 'supervisor'],
  'orders:authorise': ['supervisor'],
  'fraud-reports:submit': ['institution_reporter'],
  'fraud-reports:read': ['fraud_analyst', 'fraud_supervisor'],
  'indicators:read': ['fraud_analyst', 'fraud_supervisor'],
  'indicators:retract': ['fraud_supervisor'],
};

describe('roleGrants', () => {
  it.each(permissions.map((permission) => [permission] as const))(
    'grants %s to exactly the expected roles',
    (permission) => {
      const granted = roles.filter((role) => roleGrants(role, permission));
      expect([...granted].sort()).toEqual([...holders[permission]].sort());
    },
  );

  it('gives requests:approve to the supervisor only', () => {
    expect(roles.filter((role) => roleGrants(role, 'requests:approve'))).toEqual(['supervisor']);
  });

  it('gives audit:read to the auditor only', () => {
    expect(roles.filter((role) => roleGrants(role, 'audit:read'))).toEqual(['auditor']);
  });

  it('never lets a provider user read, draft or approve requests, nor see the node', () => {
    for (const permission of [
      'requests:read',
      'requests:draft',
      'requests:approve',
      'node:read',
      'audit:read',
      'users:read',
    ] as const) {
      expect(roleGrants('provider_user', permission)).toBe(false);
    }
    expect(roleGrants('provider_user', 'provider-orders:respond')).toBe(true);
  });

  it('keeps duties apart: the administrator neither approves requests nor reads the audit trail', () => {
    expect(roleGrants('administrator', 'requests:approve')).toBe(false);
    expect(roleGrants('administrator', 'audit:read')).toBe(false);
    expect(roleGrants('auditor', 'requests:approve')).toBe(false);
    expect(roleGrants('auditor', 'users:manage')).toBe(false);
  });
});

describe('permissionsOf', () => {
  it('is empty without roles', () => {
    expect(permissionsOf([]).size).toBe(0);
  });

  it('gives a provider user only its own profile, tokens and orders', () => {
    expect([...permissionsOf(['provider_user'])].sort()).toEqual([
      'profile:read',
      'provider-orders:respond',
      'tokens:manage-own',
    ]);
  });

  it('holds a permission exactly when some held role grants it (property)', () => {
    fc.assert(
      fc.property(roleSet, (held) => {
        const granted = permissionsOf(held);
        for (const permission of permissions) {
          expect(granted.has(permission)).toBe(held.some((role) => holders[permission].includes(role)));
        }
      }),
      runs,
    );
  });

  it('of a union of roles is the union of their permissions (property)', () => {
    fc.assert(
      fc.property(roleSet, roleSet, (a, b) => {
        const union = new Set([...permissionsOf(a), ...permissionsOf(b)]);
        expect(new Set(permissionsOf([...a, ...b]))).toEqual(union);
      }),
      runs,
    );
  });

  it('ignores duplicated roles', () => {
    expect(permissionsOf(['supervisor', 'supervisor'])).toEqual(permissionsOf(['supervisor']));
  });
});

describe('isRole and isOfficerRole', () => {
  it('recognises every role', () => {
    for (const role of roles) expect(isRole(role)).toBe(true);
  });

  it.each(['', 'admin', 'Supervisor', 'supervisor ', 'provider-user', 'toString', '__proto__'])(
    'rejects %j',
    (value) => {
      expect(isRole(value)).toBe(false);
    },
  );

  it('treats every role but provider_user and institution_reporter as an officer role', () => {
    expect(roles.filter((role) => !isOfficerRole(role))).toEqual(['provider_user', 'institution_reporter']);
  });

  it('gives an institution reporter only its profile, its tokens and fraud-report submission', () => {
    expect([...permissionsOf(['institution_reporter'])].sort()).toEqual([
      'fraud-reports:submit',
      'profile:read',
      'tokens:manage-own',
    ]);
  });
});
