import { auditEntryDigest, canonicalAuditEntry, type AuditEntry } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Entry extends AuditEntry {
  seq: number;
  canonical: string;
  digest: string;
}

describe('audit log', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let auditor: SignedInUser;

  const list = async (query = '', purpose?: string) => {
    const response = await node.call('GET', `/api/v1/audit${query}`, {
      as: auditor,
      headers: purpose === undefined ? {} : { 'x-audit-purpose': purpose },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ entries: Entry[]; nextCursor: string | null }>();
  };

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
    auditor = await node.user(admin, 'chief.auditor', ['auditor']);
  });
  afterAll(async () => node.stop());

  it('records every state change with actor, action, object, time and request id', async () => {
    const created = await node.call('POST', '/api/v1/users', {
      as: admin,
      body: {
        username: 'audited.officer',
        displayName: 'Audited',
        roles: ['duty_officer'],
        password: 'audited officer passphrase',
      },
    });
    const userId = created.json<{ id: string }>().id;
    await node.call('POST', `/api/v1/users/${userId}/reset-totp`, { as: admin });
    await node.call('POST', `/api/v1/users/${userId}/disable`, { as: admin });
    const { entries } = await list(`?objectId=${userId}`);
    expect(entries.map((e) => e.action)).toEqual(['user.disabled', 'user.totp-reset', 'user.created']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorType: 'user',
        actorId: admin.userId,
        actorName: 'admin',
        objectType: 'user',
        objectId: userId,
        outcome: 'success',
      });
      expect(entry.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(entries[2]?.requestId).toBe(created.headers['x-request-id']);
  });

  it('records the bootstrap, key generation, sign-ins and refused sign-ins', async () => {
    await node.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'not the password at all' } });
    const actions = new Set((await list('?limit=500')).entries.map((e) => e.action));
    for (const action of [
      'node.bootstrap-token-issued',
      'node.keys-generated',
      'node.bootstrapped',
      'auth.totp-enrolled',
      'auth.login-succeeded',
      'auth.login-failed',
    ]) {
      expect(actions).toContain(action);
    }
    const [failed] = (await list('?action=auth.login-failed&limit=1')).entries;
    expect(failed).toMatchObject({ outcome: 'denied', actorType: 'anonymous', details: { reason: 'wrong-password' } });
    expect(JSON.stringify(failed)).not.toContain('not the password at all');
  });

  it('audits reads of personal data, with the stated purpose', async () => {
    await node.call('GET', '/api/v1/users', { as: admin, headers: { 'x-audit-purpose': 'quarterly access review' } });
    const [read] = (await list('?action=user.listed&limit=1')).entries;
    expect(read).toMatchObject({ actorId: admin.userId, purpose: 'quarterly access review', outcome: 'success' });
  });

  it('audits the auditor: listing the log is itself an entry', async () => {
    await list('?limit=1', 'case 2026/17 review');
    const [consultation] = (await list('?action=audit.listed&limit=1')).entries;
    expect(consultation).toMatchObject({
      actorId: auditor.userId,
      purpose: 'case 2026/17 review',
      details: { returned: 1 },
    });
  });

  it('keeps a canonical RFC 8785 form and digest that match the entry', async () => {
    const { entries } = await list('?limit=50');
    for (const entry of entries) {
      const { seq: _seq, canonical, digest, ...fields } = entry;
      expect(canonical).toBe(canonicalAuditEntry(fields));
      expect(digest).toBe(auditEntryDigest(canonical));
    }
  });

  it('pages newest first with an opaque cursor, contiguous and without overlap', async () => {
    const first = await list('?limit=4');
    const second = await list(`?limit=4&cursor=${first.nextCursor ?? ''}`);
    const all = (await list('?limit=500')).entries.map((e) => e.seq);
    const start = all.indexOf(first.entries[0]!.seq);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(first.entries.map((e) => e.seq)).toEqual(all.slice(start, start + 4));
    expect(second.entries.map((e) => e.seq)).toEqual(all.slice(start + 4, start + 8));
  });

  it('is readable only by auditors, and offers no way to change or delete entries', async () => {
    expect((await node.call('GET', '/api/v1/audit', { as: admin })).statusCode).toBe(403);
    const officer = await node.user(admin, 'curious.officer', ['duty_officer', 'supervisor']);
    expect((await node.call('GET', '/api/v1/audit', { as: officer })).statusCode).toBe(403);
    const [someEntry] = (await list('?limit=1')).entries;
    for (const method of ['DELETE', 'PATCH', 'PUT'] as const) {
      const response = await node.call(method, `/api/v1/audit/${someEntry?.id ?? 'x'}`, { as: auditor, body: {} });
      expect(response.statusCode).toBe(404);
    }
  });
});
