import { userPrincipal, type ProviderInput } from '@hanoi247/core';
import { userRepository, type CallContext, type NodeRuntime } from '@hanoi247/server';
import { demoUsername } from '../demo-accounts.js';
import { demoProviders } from './history-cases.js';

/** One node of the history: its services and the demo officers who act on it. */
export interface HistoryNode {
  readonly country: string;
  readonly node: NodeRuntime;
  readonly duty: CallContext;
  readonly supervisor: CallContext;
  readonly provider: CallContext;
  /** The registered provider the demo provider user acts for: the stories' orders go to it. */
  readonly providerId: string;
}

async function actor(node: NodeRuntime, country: string, suffix: string): Promise<CallContext> {
  const username = demoUsername(country, suffix);
  const user = await userRepository.findByUsername(node.database.db, username);
  if (user === undefined) throw new Error(`the demo account ${username} is missing`);
  // The officers' own steps, as their sessions would make them; the texts say these are demo data.
  return { principal: userPrincipal(user, 'session'), requestId: null };
}

function providerInput(legalName: string, type: string, country: string): ProviderInput {
  const domain = legalName
    .toLowerCase()
    .replace(/\W+/g, '-')
    .replace(/-demo-?$/, '');
  return {
    legalName,
    country,
    type: type as ProviderInput['type'],
    contacts: [
      { role: 'law-enforcement-desk', name: 'Law-enforcement response team (demo)', email: `le@${domain}.example` },
    ],
    dataCategories: ['subscriber', 'traffic', 'content'],
    channel: 'portal',
    languages: country === 'VN' ? ['vi', 'en'] : ['en'],
  };
}

/** The demo officers of a node and its provider registry, the demo provider user acting for the first. */
export async function prepareNode(country: string, node: NodeRuntime): Promise<HistoryNode> {
  const [duty, supervisor, provider, admin] = await Promise.all(
    ['duty', 'supervisor', 'provider', 'admin'].map((suffix) => actor(node, country, suffix)),
  );
  if (duty === undefined || supervisor === undefined || provider === undefined || admin === undefined) {
    throw new Error('the demo accounts are incomplete');
  }
  const { providers } = node.services;
  const ids: string[] = [];
  for (const p of demoProviders) {
    ids.push((await providers.create(admin, providerInput(p.legalName, p.type, country))).id);
  }
  const providerId = ids[0] as string;
  await providers.addMember(admin, providerId, provider.principal?.userId as string);
  return { country, node, duty, supervisor, provider, providerId };
}
