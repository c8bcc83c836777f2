import { verifyOrder, type SignedOrder } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config/config.schema.js';
import { orderApi, orderBody, providerBody } from './orders.fixtures.js';
import { longSessions } from './requests.fixtures.js';

const desk = {
  role: '24/7 duty officer',
  name: 'Cục A05 duty desk',
  phone: '+84 24 3936 0000',
  email: 'desk@a05.example.vn',
};
const officerEntry = {
  role: 'duty officer',
  name: 'Nguyễn Văn A',
  phone: '+84 912 345 678',
  email: 'nva@a05.example.vn',
};

/** The node's directory roster, with one officer's own entry tied to their account. */
const withRoster = (config: Config): Config =>
  longSessions({ ...config, node: { ...config.node, roster: [desk, { ...officerEntry, username: 'em.duty' }] } });

const justification = {
  emergencyJustification: 'A child is in contact with the suspect right now and has been asked to meet',
};

/**
 * Issue 6 item 5: an emergency order shows the issuing officer's call-back details from the
 * directory, both in the signed order (checked by verify-order against the published descriptor)
 * and in what the provider's users read.
 */
describe('domestic orders: emergency call-back from the directory', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let other: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let api: ReturnType<typeof orderApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start({ configure: withRoster });
    const admin = await node.administrator();
    duty = await node.user(admin, 'em.duty', ['duty_officer']);
    other = await node.user(admin, 'em.other', ['duty_officer']);
    supervisor = await node.user(admin, 'em.supervisor', ['supervisor']);
    providerUser = await node.user(admin, 'em.provider', ['provider_user']);
    api = orderApi<SignedInUser>(node);
    providerId = (await api.createProvider(admin, providerBody())).id;
    await api.link(admin, providerId, providerUser.userId);
  });
  afterAll(async () => node.stop());

  async function servedEmergency(issuer: SignedInUser): Promise<string> {
    const order = await api.draft(
      issuer,
      orderBody(providerId, { type: 'SUBSCRIBER_27B', durationDays: undefined, ...justification }),
    );
    await api.move(supervisor, order.id, 'authorise');
    await api.move(issuer, order.id, 'serve');
    return order.id;
  }

  it('publishes the configured roster in the descriptor, never the account an entry belongs to', async () => {
    const published = (await node.call('GET', '/federation/v1/descriptor')).json<{
      descriptor: { roster: unknown[] };
    }>();
    expect(published.descriptor.roster).toEqual([desk, officerEntry]);
  });

  it('signs the issuing officer\u2019s own entry into the order and shows it to the provider', async () => {
    const id = await servedEmergency(duty);
    const shown = (await node.call('GET', `/api/v1/provider/orders/${id}`, { as: providerUser })).json<{
      emergency: unknown;
    }>();
    expect(shown.emergency).toEqual({
      justification: justification.emergencyJustification,
      officer: 'em.duty',
      callback: officerEntry,
    });
    const signed = (
      await node.call('GET', `/api/v1/provider/orders/${id}/signed`, { as: providerUser })
    ).json<SignedOrder>();
    expect(signed.order.emergency?.callback).toEqual(officerEntry);
    // The provider checks against the directory's copy, not the one travelling with the order.
    const directory = (await node.call('GET', '/federation/v1/descriptor')).json<unknown>();
    expect(await verifyOrder({ ...signed, descriptor: undefined }, { descriptor: directory })).toMatchObject({
      ok: true,
    });
  });

  it('falls back to the duty desk for an officer the roster does not list', async () => {
    const id = await servedEmergency(other);
    const shown = (await node.call('GET', `/api/v1/provider/orders/${id}`, { as: providerUser })).json<{
      emergency: { officer: string; callback: unknown };
    }>();
    expect(shown.emergency).toMatchObject({ officer: 'em.other', callback: desk });
  });

  it('refuses a call-back number that the directory does not list, naming why', async () => {
    const id = await servedEmergency(duty);
    const signed = (
      await node.call('GET', `/api/v1/provider/orders/${id}/signed`, { as: providerUser })
    ).json<SignedOrder>();
    const directory = (await node.call('GET', '/federation/v1/descriptor')).json<{ descriptor: unknown }>();
    // A descriptor that no longer lists the officer (re-signed by the node would be needed; here: a stale copy).
    const stale = await verifyOrder(signed, {
      descriptor: { ...directory, descriptor: { ...(directory.descriptor as object), roster: [desk] } },
    });
    expect(stale).toMatchObject({ ok: false, reason: 'descriptor-invalid' });
  });

  it('shows no emergency block on an ordinary order', async () => {
    const order = await api.draft(duty, orderBody(providerId));
    await api.move(supervisor, order.id, 'authorise');
    await api.move(duty, order.id, 'serve');
    expect(
      (await node.call('GET', `/api/v1/provider/orders/${order.id}`, { as: providerUser })).json<{
        emergency: unknown;
      }>().emergency,
    ).toBeNull();
  });
});
