import type { TestNode } from '@hanoi247/testkit';
import { solveChallenge } from '../privacy/proof-of-work.js';

/** A citizen's report as the public form sends it: a task scam paid to a mule account, with a phone and a site. */
export function citizenReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    narrative: 'Một người qua Zalo mời làm nhiệm vụ thích video, rồi yêu cầu chuyển tiền để nhận hoa hồng. <b>x</b>',
    scamType: 'JOB_TASK',
    occurredAt: '2026-11-02T14:03:11+07:00',
    firstContact: 'zalo',
    province: 'Hà Nội',
    transfers: [
      {
        at: '2026-11-02T14:20:00+07:00',
        amount: 5_000_000,
        currency: 'VND',
        payerInstitution: 'Techcombank',
        payee: { type: 'vn-account', value: '0451 000 999 888', bank: 'Vietcombank' },
        transactionReference: 'FT26306999888',
      },
    ],
    identifiers: [{ type: 'phone', value: '0987 654 321', role: 'contact' }],
    contact: { name: 'Nguyễn Văn An', phone: '0911 222 333', email: 'an@example.vn' },
    ...overrides,
  };
}

/** A fresh challenge solved as the browser would. */
export async function solvedProof(node: TestNode) {
  const reply = await node.call('GET', '/api/v1/fraud/challenge');
  const issued = reply.json<{ challenge: string; bits: number }>();
  return { challenge: issued.challenge, solution: solveChallenge(issued.challenge, issued.bits) };
}
