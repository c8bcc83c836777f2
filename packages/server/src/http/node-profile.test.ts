import { TestNode } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';

interface Profile {
  readonly country: string;
  readonly stateName: { readonly en: string; readonly vi: string } | null;
  readonly name: string;
  readonly defaultLanguage: 'vi' | 'en' | null;
}

/** The sign-in page needs the node's State and language before anyone signs in. */
describe('GET /api/v1/node/profile', () => {
  let singapore: TestNode;

  beforeAll(async () => {
    singapore = await TestNode.start({
      country: 'SG',
      configure: (c) => ({ ...c, web: { ...c.web, defaultLanguage: 'en' } }),
    });
  });
  afterAll(async () => singapore.stop());

  it(
    'answers without a session with the State, its names, the node name and ' + 'the operator\u2019s language',
    async () => {
      const response = await singapore.call('GET', '/api/v1/node/profile');
      expect(response.statusCode).toBe(200);
      const profile = response.json<Profile>();
      expect(profile.country).toBe('SG');
      expect(profile.stateName?.en).toBe('Singapore');
      expect(profile.name).toBe(singapore.config.node.name);
      expect(profile.defaultLanguage).toBe('en');
    },
  );

  it('reads the language from the environment, leaves it unset by default, and refuses other languages', () => {
    const identity = { dataDir: '/srv/h', 'node.country': 'VN', 'node.name': 'Viet Nam 24/7' };
    expect(loadConfig({ overrides: identity }).web.defaultLanguage).toBeNull();
    expect(loadConfig({ overrides: identity, env: { HANOI247_DEFAULT_LANGUAGE: 'en' } }).web.defaultLanguage).toBe(
      'en',
    );
    expect(() => loadConfig({ overrides: identity, env: { HANOI247_DEFAULT_LANGUAGE: 'fr' } })).toThrow(
      /web\.defaultLanguage/,
    );
  });
});
