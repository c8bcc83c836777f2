import { canonicalJson, type JsonValue } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails, requestApi, type Problem, type RequestJson } from './requests.fixtures.js';

interface SignedRecord {
  readonly record: {
    readonly reference: string;
    readonly details: Record<string, unknown>;
    readonly state: string;
    readonly version: number;
  };
  readonly canonical: string;
  readonly digest: string;
  readonly signature: {
    readonly alg: string;
    readonly keyId: string;
    readonly fingerprint: string;
    readonly value: string;
  };
}

interface NodeKeys {
  readonly keys: readonly {
    readonly keyId: string;
    readonly retiredAt: string | null;
    readonly signing: { readonly publicKey: string; readonly fingerprint: string };
  }[];
}

/** The text of a PDF, whitespace collapsed, as a reader copying it would get it. */
async function pdfText(bytes: Buffer): Promise<string> {
  // pdfjs takes ownership of the array it is given; hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

/**
 * The formal documents of a request: the signed electronic record anyone can verify with the
 * node's published key, and the bilingual PDF, both carrying hostile free text as plain data.
 */
describe('request documents', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let outgoing: RequestJson;
  const script = '<script>alert(1)</script>';
  const hostile = `${script} "quoted" & 'single' \u2028 Robert'); DROP TABLE requests;--`;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'documents.duty', ['duty_officer']);
    auditor = await node.user(admin, 'documents.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
    outgoing = await api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      details: { ...preservationDetails(), necessity: hostile },
    });
  });
  afterAll(async () => node.stop());

  const signed = async (id: string) => {
    const response = await node.call('GET', `/api/v1/requests/${id}/document.json`, {
      as: duty,
      headers: { 'x-audit-purpose': 'Sending the request to Singapore' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return { response, body: response.json<SignedRecord>() };
  };
  const currentSigningKey = async (): Promise<{ key: KeyObject; keyId: string; fingerprint: string }> => {
    const { keys } = (await node.call('GET', '/api/v1/node', { as: duty })).json<NodeKeys>();
    const current = keys.find((k) => k.retiredAt === null);
    if (current === undefined) throw new Error('the node has no current key');
    return {
      key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: current.signing.publicKey }, format: 'jwk' }),
      keyId: current.keyId,
      fingerprint: current.signing.fingerprint,
    };
  };
  const pdf = async (id: string, query = '') =>
    node.call('GET', `/api/v1/requests/${id}/document.pdf${query}`, { as: duty });

  describe('document.json', () => {
    it('is the RFC 8785 canonical form of the record, with its SHA-256 digest', async () => {
      const { body } = await signed(outgoing.id);
      expect(body.record).toMatchObject({ reference: outgoing.reference, state: 'DRAFT', version: 1 });
      expect(body.canonical).toBe(canonicalJson(body.record as unknown as JsonValue));
      expect(JSON.parse(body.canonical)).toEqual(body.record);
      // Canonical: keys sorted, no whitespace between tokens.
      expect(body.canonical.startsWith('{"createdAt":')).toBe(true);
      expect(body.canonical).not.toMatch(/":\s|,\s"/);
      expect(body.digest).toBe(createHash('sha256').update(body.canonical, 'utf8').digest('hex'));
    });

    it('is signed with the node\u2019s current Ed25519 key as published at /api/v1/node', async () => {
      const { body } = await signed(outgoing.id);
      const { key, keyId, fingerprint } = await currentSigningKey();
      expect(body.signature).toMatchObject({ alg: 'EdDSA', keyId, fingerprint });
      const signature = Buffer.from(body.signature.value, 'base64url');
      expect(verify(null, Buffer.from(body.canonical, 'utf8'), key, signature)).toBe(true);
      const tampered = body.canonical.replace(outgoing.reference, 'VN-2026-999999');
      expect(tampered).not.toBe(body.canonical);
      expect(verify(null, Buffer.from(tampered, 'utf8'), key, signature)).toBe(false);
    });

    it('returns free text verbatim, as JSON data', async () => {
      const { response, body } = await signed(outgoing.id);
      expect(body.record.details['necessity']).toBe(hostile);
      expect(response.body).toContain(script);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('changes its digest when the request changes, and is audited as a disclosure with its purpose', async () => {
      const before = (await signed(outgoing.id)).body;
      const edited = await node.call('PATCH', `/api/v1/requests/${outgoing.id}`, {
        as: duty,
        body: { version: 1, details: { contact24x7: 'A05 24/7 desk, +84 24 1111 1111' } },
      });
      expect(edited.statusCode).toBe(200);
      const after = (await signed(outgoing.id)).body;
      expect(after.record.version).toBe(2);
      expect(after.digest).not.toBe(before.digest);
      const audit = await node.call('GET', `/api/v1/audit?objectId=${outgoing.id}&action=request.document-rendered`, {
        as: auditor,
      });
      const entries = audit.json<{ entries: { purpose: string | null; details: { format: string } }[] }>().entries;
      expect(entries.length).toBeGreaterThanOrEqual(4);
      expect(
        entries.every((e) => e.purpose === 'Sending the request to Singapore' && e.details.format === 'json'),
      ).toBe(true);
    });
  });

  describe('document.pdf', () => {
    it('is a PDF in Vietnamese and English on request, with the reference, digest and key', async () => {
      const response = await pdf(outgoing.id, '?languages=vi,en');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${outgoing.reference}.pdf"`);
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(response.rawPayload);
      const { body } = await signed(outgoing.id);
      for (const expected of [
        outgoing.reference,
        'Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ',
        'Request for expedited preservation of stored electronic data',
        'Singapore (SG)',
        body.digest,
        body.signature.fingerprint,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text.indexOf('Yêu cầu bảo toàn')).toBeLessThan(text.indexOf('Request for expedited preservation'));
    });

    it('prints free text literally', async () => {
      const text = await pdfText((await pdf(outgoing.id, '?languages=vi,en')).rawPayload);
      expect(text).toContain(script);
      expect(text).toContain('DROP TABLE requests;--');
    });

    it('is in English only by default for Singapore, and Vietnamese first for a request to Viet Nam', async () => {
      const english = await pdfText((await pdf(outgoing.id)).rawPayload);
      expect(english).toContain('Request for expedited preservation of stored electronic data');
      expect(english).not.toContain('Yêu cầu bảo toàn');
      const incoming = await api.receive(duty, {
        reference: 'FR-2026-77',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'fr',
        details: preservationDetails(),
      });
      const vietnamese = await pdfText((await pdf(incoming.id)).rawPayload);
      expect(vietnamese).toContain('FR-2026-77');
      expect(vietnamese).toContain('Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ');
      expect(vietnamese).toContain('Việt Nam (VN)');
    });

    it('refuses languages it has no template for', async () => {
      const unknown = await pdf(outgoing.id, '?languages=de');
      expect(unknown.json<Problem>()).toMatchObject({ status: 400, code: 'request/validation-failed' });
      const malformed = await pdf(outgoing.id, '?languages=VI,EN');
      expect(malformed.json<Problem>()).toMatchObject({
        status: 400,
        code: 'request/validation-failed',
        errors: [{ path: '/languages', in: 'querystring' }],
      });
    });
  });
});
