import type { ProviderView } from '../api/registry-queries.js';
import type { SessionView } from '../api/types.js';

/** A provider of the registry as GET /api/v1/providers/:id shows it (server's provider view). */
export function providerView(overrides: Partial<ProviderView> = {}): ProviderView {
  return {
    id: '0193f0c2-9000-7000-8000-00000000c001',
    legalName: 'Example Platform (VN) Co., Ltd.',
    country: 'VN',
    type: 'PLATFORM',
    registrationNumber: '0109999999',
    legalRepresentative: null,
    contacts: [{ role: 'law-enforcement-desk', name: 'Law-enforcement response team', email: 'le@platform.example' }],
    dataCategories: ['subscriber', 'traffic'],
    channel: 'portal',
    languages: ['vi', 'en'],
    active: true,
    createdBy: 'vn.admin',
    createdAt: '2026-11-20T01:00:00Z',
    updatedAt: '2026-11-20T01:00:00Z',
    ...overrides,
  };
}

/** A session of the node's administrator: keeps the registry and reads the accounts. */
export const adminSession: SessionView = {
  user: { id: 'u-admin', username: 'vn.admin', roles: ['administrator'] },
  permissions: ['users:read', 'users:manage', 'providers:read', 'providers:manage'],
  via: 'session',
  csrfToken: 'csrf',
};
