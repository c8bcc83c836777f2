import { useQuery } from '@tanstack/react-query';
import type { NodeProfile } from '@hanoi247/contract';
import { call } from '../api/client.js';
import { followNodeLanguage, pick } from '../i18n/i18n.js';

/** GET /api/v1/node/profile: which State's node this is, and the language its operator set. Public. */
export type { NodeProfile };

export const nodeProfileKey = ['node-profile'] as const;

/**
 * Read once per page load (an operator changes it with a restart, not during a shift). The app
 * takes the node's language before the first page renders, unless the user chose one, so no
 * page changes language under its reader.
 */
export const useNodeProfile = () =>
  useQuery({
    queryKey: nodeProfileKey,
    queryFn: async () => {
      const profile = await call('getNodeProfile');
      await followNodeLanguage(profile.defaultLanguage);
      return profile;
    },
    staleTime: Infinity,
  });

/** The State's name in the reader's language: the node's own words, else the browser's region names. */
export function stateNameOf(profile: NodeProfile, language: string): string {
  if (profile.stateName !== null) return pick(profile.stateName, language);
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(profile.country) ?? profile.country;
  } catch {
    return profile.country;
  }
}
