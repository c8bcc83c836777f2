import { normaliseIndicator, type Indicator } from '@hanoi247/core';
import { createTestDatabase, testBackends, type TestDatabase } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fraudReportRepository, type FraudReportRecord } from '../repositories/fraud-report.repository.js';
import { indicatorRepository } from '../repositories/indicator.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase, type DatabaseHandle } from './open-database.js';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function indicatorOf(type: string, raw: string): Indicator {
  const result = normaliseIndicator(type, raw);
  if (!result.ok) throw new Error(result.reason);
  return result.indicator;
}

/** The fraud tables give the same answers on SQLite and PostgreSQL: upserts by hash key, idempotency by reference. */
describe.each(testBackends())('fraud storage conformance on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  const report = (n: number, reference: string): FraudReportRecord => ({
    id: id(n),
    channel: 'institution',
    institutionId: id(1),
    institutionReference: reference,
    bodyDigest: 'd'.repeat(64),
    scamType: 'LOAN',
    scamTypesVersion: '2026-12-08',
    occurredAt: '2026-11-02T14:03:11+07:00',
    reportedAt: '2026-11-02T08:00:00.000Z',
    firstContact: 'sms',
    province: 'Thành phố Hồ Chí Minh',
    lossVnd: 9_007_199_254_740,
    identifiers: [
      { type: 'phone', value: '0912 345 678', role: 'contact', hashKey: 'phone|+84912345678', refusal: null },
    ],
    tlp: 'amber',
    submittedBy: id(2),
  });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database);
    await migrateToLatest(handle);
    await handle.db
      .insertInto('users')
      .values({
        id: id(2),
        username: 'bank.system',
        display_name: 'Bank system',
        roles: '["institution_reporter"]',
        password_hash: '$argon2id$stub',
        totp_secret: null,
        totp_last_step: null,
        status: 'active',
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();
    await providerRepository.insert(handle.db, {
      id: id(1),
      legalName: 'Ngân hàng Thử nghiệm',
      country: 'VN',
      type: 'BANK_OR_PAYMENT',
      profile: {
        contacts: [{ role: 'legal', name: 'Pháp chế' }],
        dataCategories: ['subscriber'],
        channel: 'api',
        languages: ['vi'],
      },
      active: true,
      createdBy: 'operator',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('round-trips a report exactly, Vietnamese text and a large VND loss included', async () => {
    await fraudReportRepository.insert(handle.db, report(10, 'REF-1'));
    expect(await fraudReportRepository.findById(handle.db, id(10))).toEqual(report(10, 'REF-1'));
    expect((await fraudReportRepository.findByReference(handle.db, id(1), 'REF-1'))?.id).toBe(id(10));
  });

  it('refuses a second report under the same institution reference', async () => {
    await expect(fraudReportRepository.insert(handle.db, report(11, 'REF-1'))).rejects.toThrow();
  });

  it('creates an indicator once and counts every later sighting, widening first and last seen', async () => {
    const phone = indicatorOf('phone', '0912 345 678');
    const sighting = (n: number, seenAt: string, lossVnd: number) => ({
      newId: id(n),
      indicator: phone,
      seenAt,
      lossVnd,
      tlp: 'amber',
    });
    const first = await indicatorRepository.recordSighting(handle.db, sighting(20, '2026-11-02T08:00:00.000Z', 1_000));
    const second = await indicatorRepository.recordSighting(handle.db, sighting(21, '2026-11-05T08:00:00.000Z', 2_500));
    const third = await indicatorRepository.recordSighting(handle.db, sighting(22, '2026-11-01T08:00:00.000Z', 0));
    expect([second, third]).toEqual([first, first]);
    expect(await indicatorRepository.findByHashKey(handle.db, phone.hashKey)).toMatchObject({
      id: id(20),
      valueNorm: '+84912345678',
      reportCount: 3,
      lossVnd: 3_500,
      firstSeen: '2026-11-01T08:00:00.000Z',
      lastSeen: '2026-11-05T08:00:00.000Z',
      status: 'reported',
      confidence: null,
      tlp: 'amber',
    });
  });

  it('links a report to its indicators with their roles, read back in order', async () => {
    const account = indicatorOf('vn-account', 'Vietcombank 0451000123456');
    const accountId = await indicatorRepository.recordSighting(handle.db, {
      newId: id(30),
      indicator: account,
      seenAt: '2026-11-02T08:00:00.000Z',
      lossVnd: 0,
      tlp: 'amber',
    });
    await indicatorRepository.link(handle.db, [
      { reportId: id(10), indicatorId: id(20), role: 'contact' },
      { reportId: id(10), indicatorId: accountId, role: 'payee' },
    ]);
    const links = await indicatorRepository.linksOf(handle.db, id(10));
    expect(links.map((l) => `${l.role} ${l.indicator.hashKey}`)).toEqual([
      'contact phone|+84912345678',
      'payee vn-account|VN:970436:0451000123456',
    ]);
  });
});
