import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, operatorPrincipal, userPrincipal } from './principal.js';
import { permissions, permissionsOf, roleGrants, roles, type Permission } from './roles.js';

const runs = { seed: 0x9217c, numRuns: 300 } as const;
const user = { id: 'u-1', username: 'tran.thi.b', roles: ['supervisor'] as const };

describe('userPrincipal', () => {
  it('gives a session principal everything its roles grant', () => {
    const principal = userPrincipal(user, 'session');
    expect(principal).toMatchObject({
      kind: 'user',
      userId: 'u-1',
      username: 'tran.thi.b',
      roles: ['supervisor'],
      via: 'session',
    });
    expect(can(principal, 'requests:approve')).toBe(true);
    expect(can(principal, 'requests:read')).toBe(true);
    expect(can(principal, 'audit:read')).toBe(false);
    expect(can(principal, 'users:manage')).toBe(false);
  });

  it('limits a token principal to its scopes', () => {
    const principal = userPrincipal(user, 'api-token', ['requests:read']);
    expect(principal.via).toBe('api-token');
    expect([...principal.permissions]).toEqual(['requests:read']);
    expect(can(principal, 'requests:approve')).toBe(false);
  });

  it('never lets a scope add what the roles do not grant', () => {
    const principal = userPrincipal(user, 'api-token', ['audit:read', 'users:manage', 'requests:approve']);
    expect([...principal.permissions]).toEqual(['requests:approve']);
  });

  it('gives a token with no scopes no permissions at all', () => {
    expect(userPrincipal(user, 'api-token', []).permissions.size).toBe(0);
  });

  it('never lets a provider user read or approve requests, whatever the scopes', () => {
    const provider = { id: 'p-1', username: 'isp.contact', roles: ['provider_user'] as const };
    for (const principal of [userPrincipal(provider, 'session'), userPrincipal(provider, 'api-token', permissions)]) {
      expect(can(principal, 'requests:read')).toBe(false);
      expect(can(principal, 'requests:approve')).toBe(false);
      expect(can(principal, 'requests:draft')).toBe(false);
      expect(can(principal, 'provider-orders:respond')).toBe(true);
    }
  });

  it("has a token's permissions equal the intersection of scopes and role grants (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...roles]),
        fc.array(fc.constantFrom(...permissions), { maxLength: 15 }),
        (held, scopes) => {
          const principal = userPrincipal({ id: 'u', username: 'someone', roles: held }, 'api-token', scopes);
          for (const permission of permissions) {
            const expected = scopes.includes(permission) && held.some((role) => roleGrants(role, permission));
            expect(can(principal, permission)).toBe(expected);
          }
          const granted = permissionsOf(held);
          for (const permission of principal.permissions) {
            expect(granted.has(permission) && scopes.includes(permission)).toBe(true);
          }
        },
      ),
      runs,
    );
  });

  it('never grants a token more than the same user signed in (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...roles]), fc.subarray<Permission>([...permissions]), (held, scopes) => {
        const owner = { id: 'u', username: 'someone', roles: held };
        const session = userPrincipal(owner, 'session');
        const token = userPrincipal(owner, 'api-token', scopes);
        expect(token.permissions.size).toBeLessThanOrEqual(session.permissions.size);
        for (const permission of token.permissions) expect(can(session, permission)).toBe(true);
      }),
      runs,
    );
  });
});

describe('operatorPrincipal', () => {
  it('is a system principal at the console with administrator rights', () => {
    const principal = operatorPrincipal('root');
    expect(principal).toMatchObject({
      kind: 'system',
      userId: null,
      username: 'cli:root',
      roles: ['administrator'],
      via: 'cli',
    });
    expect(can(principal, 'users:manage')).toBe(true);
    expect(can(principal, 'node:read')).toBe(true);
  });

  it('does not approve requests or read the audit trail', () => {
    const principal = operatorPrincipal('root');
    expect(can(principal, 'requests:approve')).toBe(false);
    expect(can(principal, 'audit:read')).toBe(false);
  });
});
