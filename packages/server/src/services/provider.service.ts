import {
  DomainError,
  providerStatistics,
  type ProviderInput,
  type ProviderPatch,
  type ProviderStatistics,
  type ProviderType,
  type Role,
} from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository } from '../repositories/order.repository.js';
import { providerRepository, type ProviderRecord } from '../repositories/provider.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { reportingInstitutionTypes } from './fraud-institutions.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface ProviderView extends Omit<ProviderRecord, 'profile'> {
  readonly contacts: ProviderRecord['profile']['contacts'];
  readonly dataCategories: ProviderRecord['profile']['dataCategories'];
  readonly channel: ProviderRecord['profile']['channel'];
  readonly languages: ProviderRecord['profile']['languages'];
  readonly registrationNumber: string | null;
  readonly legalRepresentative: string | null;
}

const present = ({ profile, ...rest }: ProviderRecord): ProviderView => ({
  ...rest,
  contacts: profile.contacts,
  dataCategories: profile.dataCategories,
  channel: profile.channel,
  languages: profile.languages,
  registrationNumber: profile.registrationNumber ?? null,
  legalRepresentative: profile.legalRepresentative ?? null,
});

const profileOf = ({ legalName: _n, country: _c, type: _t, ...profile }: ProviderInput): ProviderRecord['profile'] =>
  profile;

/** The provider registry (who holds which data, how orders reach them), provider users, statistics. */
/** A provider user acts for any provider; an institution reporter only for a bank, e-wallet or telecom. */
function canActFor(roles: readonly Role[], type: ProviderType): boolean {
  const [role] = roles;
  if (roles.length !== 1) return false;
  return role === 'provider_user' || (role === 'institution_reporter' && reportingInstitutionTypes.includes(type));
}

export function createProviderService(deps: ServiceRuntime) {
  const { db, clock, ids } = deps;

  async function existing(id: string): Promise<ProviderRecord> {
    const provider = await providerRepository.findById(db, id);
    if (provider === undefined) throw new DomainError('provider/not-found', 'no such service provider');
    return provider;
  }

  return {
    async create(context: CallContext, input: ProviderInput): Promise<ProviderView> {
      const principal = requirePermission(context.principal, 'providers:manage');
      const now = clock.now().toISOString();
      const record: ProviderRecord = {
        id: ids(),
        legalName: input.legalName,
        country: input.country,
        type: input.type,
        profile: profileOf(input),
        active: true,
        createdBy: principal.userId ?? principal.username,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        if ((await providerRepository.findByName(tx, input.country, input.legalName)) !== undefined) {
          throw new DomainError(
            'provider/duplicate',
            `${input.legalName} (${input.country}) is already in the registry`,
          );
        }
        await providerRepository.insert(tx, record);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'provider.created',
            objectType: 'provider',
            objectId: record.id,
            details: { legalName: record.legalName, type: record.type },
          }),
        );
      });
      return present(record);
    },

    async update(context: CallContext, id: string, patch: ProviderPatch): Promise<ProviderView> {
      requirePermission(context.principal, 'providers:manage');
      const current = await existing(id);
      const { active, ...fields } = patch;
      const given = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      ) as Partial<ProviderInput>;
      const merged: ProviderInput = {
        legalName: current.legalName,
        country: current.country,
        type: current.type,
        ...current.profile,
        ...given,
      };
      const record: ProviderRecord = {
        ...current,
        legalName: merged.legalName,
        country: merged.country,
        type: merged.type,
        profile: profileOf(merged),
        active: active ?? current.active,
        updatedAt: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        const clash = await providerRepository.findByName(tx, record.country, record.legalName);
        if (clash !== undefined && clash.id !== id) {
          throw new DomainError(
            'provider/duplicate',
            `${record.legalName} (${record.country}) is already in the registry`,
          );
        }
        await providerRepository.update(tx, record);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'provider.updated',
            objectType: 'provider',
            objectId: id,
            details: { fields: Object.keys(patch) },
          }),
        );
      });
      return present(record);
    },

    async get(context: CallContext, id: string): Promise<ProviderView> {
      requirePermission(context.principal, 'providers:read');
      return present(await existing(id));
    },

    async list(
      context: CallContext,
      filter: { type?: string | undefined; limit: number; offset: number },
    ): Promise<ProviderView[]> {
      requirePermission(context.principal, 'providers:read');
      return (await providerRepository.list(db, filter)).map(present);
    },

    /** Links a provider user to the provider it acts for; only provider users can be linked. */
    async addMember(
      context: CallContext,
      id: string,
      userId: string,
    ): Promise<{ userId: string; username: string; createdAt: string }[]> {
      const principal = requirePermission(context.principal, 'providers:manage');
      const provider = await existing(id);
      await db.transaction().execute(async (tx) => {
        const user = await userRepository.findById(tx, userId);
        if (user === undefined || !canActFor(user.roles, provider.type)) {
          throw new DomainError(
            'provider/member-invalid',
            'only an account whose sole role is provider_user (or institution_reporter, for a bank, e-wallet or ' +
              'telecom) can act for a provider',
            { issues: [{ path: '/userId', message: 'not a provider user' }] },
          );
        }
        if (
          await providerRepository.addMember(tx, {
            userId,
            providerId: id,
            createdBy: principal.userId ?? principal.username,
            createdAt: clock.now().toISOString(),
          })
        ) {
          await auditRepository.append(
            tx,
            auditEntryFor(deps, context, {
              action: 'provider.member-added',
              objectType: 'provider',
              objectId: id,
              details: { userId, username: user.username },
            }),
          );
        }
      });
      return providerRepository.membersOf(db, id);
    },

    async removeMember(context: CallContext, id: string, userId: string): Promise<void> {
      requirePermission(context.principal, 'providers:manage');
      await db.transaction().execute(async (tx) => {
        if (!(await providerRepository.removeMember(tx, userId, id))) {
          throw new DomainError('provider/not-found', 'this user does not act for this provider');
        }
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'provider.member-removed',
            objectType: 'provider',
            objectId: id,
            details: { userId },
          }),
        );
      });
    },

    async members(
      context: CallContext,
      id: string,
    ): Promise<{ userId: string; username: string; createdAt: string }[]> {
      requirePermission(context.principal, 'providers:read');
      await existing(id);
      return providerRepository.membersOf(db, id);
    },

    /** Time to acknowledge, preserve and produce (median, p90), measured from service, and outcomes. */
    async statistics(context: CallContext, id: string): Promise<ProviderStatistics & { providerId: string }> {
      requirePermission(context.principal, 'providers:read');
      await existing(id);
      const orders = await orderRepository.list(db, { providerId: id, limit: 100_000, offset: 0 });
      const firsts = await orderEventRepository.firstOccurrences(
        db,
        orders.map((o) => o.id),
        ['acknowledge', 'confirm-preservation', 'deliver-production'],
      );
      const first = (orderId: string, action: string) =>
        firsts.find((f) => f.orderId === orderId && f.action === action)?.at ?? null;
      const stats = providerStatistics(
        orders.map((o) => ({
          state: o.state,
          servedAt: o.servedAt,
          acknowledgedAt: first(o.id, 'acknowledge'),
          preservedAt: first(o.id, 'confirm-preservation'),
          producedAt: first(o.id, 'deliver-production'),
          objectionCode: o.objection?.reasonCode ?? null,
        })),
      );
      return { providerId: id, ...stats };
    },
  };
}

export type ProviderService = ReturnType<typeof createProviderService>;
