import { describe, expect, it } from 'vitest';
import {
  auditLeafData,
  custodyEventHash,
  custodyLeafData,
  parseCustodyLeaf,
  personalCommitment,
  type CustodyEvent,
} from './custody-event.js';
import { evidenceMetadataSchema, onwardTransferStatusFor, sanitiseFilename } from './evidence-metadata.js';
import { decideOnwardTransfer, onwardTransferAuthorisationInputSchema } from './onward-transfer.js';

const salt = 'a'.repeat(64);
const personal = { actorName: 'Nguyễn Văn An', notes: 'sealed in bag 7' };
const event: CustodyEvent = {
  v: 1,
  id: '0190f1c2-0000-7000-8000-000000000001',
  evidenceId: '0190f1c2-0000-7000-8000-0000000000e1',
  evidenceSha256: 'b'.repeat(64),
  requestId: null,
  type: 'collected',
  occurredAt: '2026-11-01T08:00:00.000Z',
  system: { country: 'VN', node: 'Viet Nam 24/7' },
  actor: { type: 'user', id: 'u1', role: 'duty_officer' },
  hashes: { sha256: 'b'.repeat(64) },
  previous: null,
  details: { size: 12 },
  personalCommitment: personalCommitment(salt, personal),
};

describe('custody event leaves', () => {
  it('hold a commitment to the personal part, never the part itself', () => {
    const leaf = custodyLeafData(event);
    expect(leaf).not.toContain('Nguyễn');
    expect(leaf).not.toContain('bag 7');
    expect(leaf.startsWith('{"event":{')).toBe(true);
    expect(custodyEventHash(leaf)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('open only with the right salt and the exact personal part', () => {
    expect(personalCommitment(salt, personal)).toBe(event.personalCommitment);
    expect(personalCommitment('c'.repeat(64), personal)).not.toBe(event.personalCommitment);
    expect(personalCommitment(salt, { ...personal, actorName: 'Someone Else' })).not.toBe(event.personalCommitment);
    expect(() => personalCommitment('short', personal)).toThrow(/32 bytes/);
  });

  it('parse back only from the exact canonical text', () => {
    const leaf = custodyLeafData(event);
    expect(parseCustodyLeaf(leaf)).toEqual(event);
    expect(parseCustodyLeaf(JSON.stringify(JSON.parse(leaf), null, 1))).toBeNull();
    expect(parseCustodyLeaf(leaf.replace('"collected"', '"invented"'))).toBeNull();
    expect(parseCustodyLeaf(auditLeafData({ id: 'x', digest: 'y' }))).toBeNull();
    expect(parseCustodyLeaf('not json')).toBeNull();
  });

  it('change their hash when any public field changes', () => {
    const base = custodyEventHash(custodyLeafData(event));
    expect(custodyEventHash(custodyLeafData({ ...event, previous: 'c'.repeat(64) }))).not.toBe(base);
    expect(custodyEventHash(custodyLeafData({ ...event, hashes: { sha256: 'd'.repeat(64) } }))).not.toBe(base);
  });
});

describe('evidence metadata', () => {
  const valid = {
    source: 'provider-production',
    dataCategory: 'traffic',
    acquisition: {
      method: 'Production order under Art. 27(a)',
      tool: 'provider portal',
      acquiredAt: '2026-11-01T15:00:00+07:00',
    },
    personalData: true,
    originCountry: 'SG',
  };

  it('accepts an item with its zone kept as written', () => {
    const parsed = evidenceMetadataSchema.parse(valid);
    expect(parsed.acquisition.acquiredAt).toBe('2026-11-01T15:00:00+07:00');
    expect(parsed.useLimitations).toEqual([]);
  });

  it.each([
    ['a time without a zone', { ...valid, acquisition: { ...valid.acquisition, acquiredAt: '2026-11-01T15:00:00' } }],
    ['an impossible date', { ...valid, acquisition: { ...valid.acquisition, acquiredAt: '2026-13-45T15:00:00Z' } }],
    ['an unknown category', { ...valid, dataCategory: 'everything' }],
    ['a made-up country', { ...valid, originCountry: 'XX' }],
    ['an unknown field', { ...valid, extra: 1 }],
  ])('refuses %s', (_label, input) => {
    expect(evidenceMetadataSchema.safeParse(input).success).toBe(false);
  });

  it('requires the origin State\u2019s authorisation for onward transfer of foreign evidence only', () => {
    expect(onwardTransferStatusFor('SG', 'VN')).toBe('origin-authorisation-required');
    expect(onwardTransferStatusFor('VN', 'VN')).toBe('unrestricted');
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\evil\\run.exe', 'run.exe'],
    ['a\u0000b\nc.txt', 'a_b_c.txt'],
    ['...', 'unnamed'],
    ['báo cáo "tháng 11".pdf', 'báo cáo _tháng 11_.pdf'],
  ])('sanitises the file name %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });
});

describe('onward transfer (Art. 36)', () => {
  const foreign = { originCountry: 'SG', onwardTransfer: 'origin-authorisation-required' } as const;

  it('lets our own evidence go anywhere and foreign evidence back to its origin', () => {
    expect(decideOnwardTransfer({ originCountry: 'VN', onwardTransfer: 'unrestricted' }, 'FR', [])).toMatchObject({
      allowed: true,
      because: 'own-evidence',
    });
    expect(decideOnwardTransfer(foreign, 'SG', [])).toMatchObject({ allowed: true, because: 'return-to-origin' });
  });

  it('refuses a third State or organisation without the origin State\u2019s authorisation for that destination', () => {
    const refused = decideOnwardTransfer(foreign, 'FR', [{ destination: 'INTERPOL', reference: 'SG-MFA-1' }]);
    expect(refused).toMatchObject({ allowed: false, legalSource: { instrument: 'UN', article: '36' } });
    expect(refused.allowed ? '' : refused.reason).toMatch(/came from SG.*FR.*authorisation/);
    expect(decideOnwardTransfer(foreign, 'INTERPOL', [{ destination: 'INTERPOL', reference: 'SG-MFA-1' }])).toEqual({
      allowed: true,
      because: 'authorised',
      authorisationReference: 'SG-MFA-1',
    });
  });

  it('accepts States and known organisations as destinations only', () => {
    expect(onwardTransferAuthorisationInputSchema.safeParse({ destination: 'EUROPOL', reference: 'ref' }).success).toBe(
      true,
    );
    expect(onwardTransferAuthorisationInputSchema.safeParse({ destination: 'ACME', reference: 'ref' }).success).toBe(
      false,
    );
    expect(onwardTransferAuthorisationInputSchema.safeParse({ destination: 'FR', reference: '' }).success).toBe(false);
  });
});
