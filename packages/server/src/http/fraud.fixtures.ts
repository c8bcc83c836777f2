import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { orderApi, providerBody } from './orders.fixtures.js';

/**
 * A node with a bank in the registry, its reporting user holding a token scoped `fraud-reports:submit`,
 * a fraud analyst and a duty officer. Reports are written by hand from the fraud brief's fields.
 */
export interface FraudWorld {
  readonly node: TestNode;
  readonly admin: SignedInUser;
  readonly bankId: string;
  readonly reporter: SignedInUser;
  readonly analyst: SignedInUser;
  readonly duty: SignedInUser;
  /** Headers of the bank's system: its API token. */
  readonly bank: Record<string, string>;
}

export async function tokenOf(node: TestNode, as: SignedInUser, scopes: readonly string[]): Promise<string> {
  const issued = await node.call('POST', '/api/v1/tokens', {
    as,
    body: { name: `system ${scopes.join(' ')}`, scopes, expiresInDays: 30 },
  });
  if (issued.statusCode !== 201) throw new Error(`token: ${issued.statusCode} ${issued.body}`);
  return issued.json<{ token: string }>().token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function fraudWorld(prefix: string): Promise<FraudWorld> {
  const node = await TestNode.start();
  const admin = await node.administrator();
  const api = orderApi<SignedInUser>(node);
  const bank = await api.createProvider(admin, providerBody('Ngân hàng Thử nghiệm', { type: 'BANK_OR_PAYMENT' }));
  const reporter = await node.user(admin, `${prefix}.bank`, ['institution_reporter']);
  await api.link(admin, bank.id, reporter.userId);
  const analyst = await node.user(admin, `${prefix}.analyst`, ['fraud_analyst']);
  const duty = await node.user(admin, `${prefix}.duty`, ['duty_officer']);
  const token = await tokenOf(node, reporter, ['fraud-reports:submit']);
  return { node, admin, bankId: bank.id, reporter, analyst, duty, bank: bearer(token) };
}

/** A task scam paid to a mule account, with a phone that is not a number. */
export function fraudReport(reference: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    institutionReference: reference,
    scamType: 'JOB_TASK',
    occurredAt: '2026-11-02T14:03:11+07:00',
    firstContact: 'zalo',
    province: 'Hà Nội',
    transfers: [
      {
        at: '2026-11-02T14:20:00+07:00',
        amount: 15_000_000,
        currency: 'VND',
        payerInstitution: 'Vietcombank',
        payee: { type: 'vn-account', value: '0451 000 123 456', bank: 'Vietcombank' },
        transactionReference: 'FT26306123456',
      },
      { at: '2026-11-03T10:00:00+07:00', amount: 120, currency: 'USD' },
    ],
    identifiers: [
      { type: 'phone', value: '0912 345 678', role: 'contact' },
      { type: 'phone', value: '+84 12 ext. lạ', role: 'contact' },
    ],
    ...overrides,
  };
}

export interface IndicatorJson {
  id: string;
  type: string;
  valueNorm: string;
  reportCount: number;
  lossVnd: number;
  status: string;
  tlp: string;
}

export async function lookup(world: FraudWorld, type: string, value: string): Promise<IndicatorJson[]> {
  const reply = await world.node.call(
    'GET',
    `/api/v1/fraud/indicators?type=${encodeURIComponent(type)}&value=${encodeURIComponent(value)}`,
    { as: world.analyst },
  );
  if (reply.statusCode !== 200) throw new Error(`lookup: ${reply.statusCode} ${reply.body}`);
  return reply.json<{ indicators: IndicatorJson[] }>().indicators;
}
