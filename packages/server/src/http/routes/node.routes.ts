import { countryProfiles } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { NodeKeyring } from '../../identity/node-keyring.js';
import { withProblems, nodeSchema, nodeProfileSchema } from '@hanoi247/contract';

export interface NodeRouteDeps {
  readonly country: string;
  readonly name: string;
  readonly keyring: () => NodeKeyring;
  readonly version: string;
  readonly defaultLanguage: 'vi' | 'en' | null;
}

export const nodeRoutes =
  (deps: NodeRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/node',
      {
        config: { permission: 'node:read' },
        schema: {
          tags: ['node'],
          summary: 'This node: country, name, software version and public keys',
          response: withProblems({ 200: nodeSchema }),
        },
      },
      async () => ({
        country: deps.country,
        name: deps.name,
        version: deps.version,
        keys: [...deps.keyring().generations],
      }),
    );

    // Public: the sign-in page shows where the user is and opens in the node's language before anyone signs in.
    app.get(
      '/api/v1/node/profile',
      {
        config: { public: true },
        schema: {
          tags: ['node'],
          summary: 'Which State\u2019s node this is and the language its web app opens in (no sign-in needed)',
          response: { 200: nodeProfileSchema },
        },
      },
      async () => ({
        country: deps.country,
        stateName: countryProfiles[deps.country]?.name ?? null,
        name: deps.name,
        defaultLanguage: deps.defaultLanguage,
      }),
    );
  };
