import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCacheTtlMs } from '../services/session-cache.js';

/**
 * Sessions are cached in the process for a moment (ADR 0007). Each test reads the session
 * first, so it is in the cache, before the change that must end it.
 */
describe('cached sessions end at once in this process', () => {
  let node: TestNode;
  let admin: SignedInUser;
  const whoAmI = (as: SignedInUser) => node.call('GET', '/api/v1/auth/session', { as });
  const cachedOfficer = async (username: string): Promise<SignedInUser> => {
    const officer = await node.user(admin, username, ['duty_officer']);
    expect((await whoAmI(officer)).statusCode).toBe(200);
    expect((await whoAmI(officer)).statusCode).toBe(200);
    return officer;
  };

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  it('logout', async () => {
    const officer = await cachedOfficer('cached.leaver');
    expect((await node.call('POST', '/api/v1/auth/logout', { as: officer })).statusCode).toBe(204);
    expect((await whoAmI(officer)).statusCode).toBe(401);
  });

  it('disabling the account', async () => {
    const officer = await cachedOfficer('cached.suspended');
    expect((await node.call('POST', `/api/v1/users/${officer.userId}/disable`, { as: admin })).statusCode).toBe(200);
    expect((await whoAmI(officer)).statusCode).toBe(401);
  });

  it('resetting the second factor', async () => {
    const officer = await cachedOfficer('cached.lost.phone');
    expect((await node.call('POST', `/api/v1/users/${officer.userId}/reset-totp`, { as: admin })).statusCode).toBe(200);
    expect((await whoAmI(officer)).statusCode).toBe(401);
  });

  it('sees a revocation written by another process once the TTL has passed', async () => {
    const officer = await cachedOfficer('cached.elsewhere');
    // What `hanoi247 users disable` or a second node process does: the row changes behind this process.
    await node.app.node.database.db
      .updateTable('sessions')
      .set({ revoked_at: node.clock.now().toISOString() })
      .where('user_id', '=', officer.userId)
      .execute();
    expect((await whoAmI(officer)).statusCode).toBe(200);
    node.clock.advance(sessionCacheTtlMs);
    expect((await whoAmI(officer)).statusCode).toBe(401);
  });

  // Last: it ages every session of this node, the administrator's too.
  it('still applies the idle timeout on the injected clock', async () => {
    const officer = await cachedOfficer('cached.idle');
    node.clock.advance((node.config.session.idleTimeoutSeconds + 1) * 1000);
    expect((await whoAmI(officer)).json()).toMatchObject({ code: 'auth/session-expired' });
  });
});
