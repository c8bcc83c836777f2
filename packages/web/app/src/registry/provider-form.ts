import type { ProviderBody, ProviderView } from '../api/registry-queries.js';

/** Core's provider types, channels and contact roles (provider.schema.ts), as the form offers them. */
export const providerTypes = [
  'TELECOM',
  'ISP',
  'HOSTING',
  'PLATFORM',
  'DOMAIN_REGISTRAR',
  'VASP',
  'BANK_OR_PAYMENT',
] as const satisfies readonly ProviderBody['type'][];
export const providerChannels = ['portal', 'api', 'both'] as const satisfies readonly ProviderBody['channel'][];
export const contactRoles = [
  'law-enforcement-desk',
  'legal',
  'technical',
  'emergency',
] as const satisfies readonly ProviderBody['contacts'][number]['role'][];
/** The languages the form offers (the app names them in both its languages); a provider's others stay listed. */
export const answerLanguages = ['vi', 'en', 'fr', 'zh', 'ru', 'es', 'ar'] as const;

type Contact = ProviderBody['contacts'][number];
export interface ContactRow {
  readonly role: Contact['role'];
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

export interface ProviderDraft {
  readonly legalName: string;
  readonly registrationNumber: string;
  readonly legalRepresentative: string;
  readonly country: string;
  readonly type: ProviderBody['type'] | '';
  readonly contacts: readonly ContactRow[];
  readonly dataCategories: readonly ProviderBody['dataCategories'][number][];
  readonly channel: ProviderBody['channel'] | '';
  readonly languages: readonly string[];
  readonly active: boolean;
}

export const blankContact: ContactRow = { role: 'law-enforcement-desk', name: '', email: '', phone: '' };

export function draftOf(provider: ProviderView | undefined, nodeCountry: string): ProviderDraft {
  if (provider === undefined) {
    return {
      legalName: '',
      registrationNumber: '',
      legalRepresentative: '',
      country: nodeCountry,
      type: '',
      contacts: [blankContact],
      dataCategories: [],
      channel: '',
      languages: [],
      active: true,
    };
  }
  return {
    legalName: provider.legalName,
    registrationNumber: provider.registrationNumber ?? '',
    legalRepresentative: provider.legalRepresentative ?? '',
    country: provider.country,
    type: provider.type,
    contacts: provider.contacts.map((c) => ({
      role: c.role as Contact['role'],
      name: c.name,
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    dataCategories: provider.dataCategories as ProviderDraft['dataCategories'],
    channel: provider.channel,
    languages: provider.languages,
    active: provider.active,
  };
}

/** What the form itself can tell is missing, by the JSON pointer the server would name. */
export function missingFields(draft: ProviderDraft): Map<string, 'required' | 'countryCode' | 'chooseOne'> {
  const missing = new Map<string, 'required' | 'countryCode' | 'chooseOne'>();
  if (draft.legalName.trim() === '') missing.set('/legalName', 'required');
  if (!/^[A-Z]{2}$/.test(draft.country)) missing.set('/country', 'countryCode');
  if (draft.type === '') missing.set('/type', 'required');
  if (draft.channel === '') missing.set('/channel', 'required');
  if (draft.dataCategories.length === 0) missing.set('/dataCategories', 'chooseOne');
  if (draft.languages.length === 0) missing.set('/languages', 'chooseOne');
  draft.contacts.forEach((c, i) => {
    if (c.name.trim() === '') missing.set(`/contacts/${i}/name`, 'required');
  });
  return missing;
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The body the create and update operations take (undefined fields are left out by JSON). */
export function providerBody(draft: ProviderDraft): ProviderBody {
  return {
    legalName: draft.legalName.trim(),
    registrationNumber: optional(draft.registrationNumber),
    legalRepresentative: optional(draft.legalRepresentative),
    country: draft.country,
    type: draft.type as ProviderBody['type'],
    contacts: draft.contacts.map((c) => ({
      role: c.role,
      name: c.name.trim(),
      email: optional(c.email),
      phone: optional(c.phone),
    })),
    dataCategories: [...draft.dataCategories],
    channel: draft.channel as ProviderBody['channel'],
    languages: [...draft.languages],
  };
}

/** A server's field errors by JSON pointer (the body's own, whatever part of the request it names). */
export function serverErrors(
  fieldErrors: readonly { readonly path: string; readonly message: string }[],
): Map<string, string> {
  return new Map(fieldErrors.map((f) => [f.path.replace(/^\/body(?=\/)/, ''), f.message]));
}
