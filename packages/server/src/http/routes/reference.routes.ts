import {
  countryProfileCatalogue,
  deadlineRuleCatalogue,
  requestTypeCatalogue,
  stateMachineCatalogue,
  timelineNoteCatalogue,
  type GroundOptions,
} from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequestService } from '../../services/request.service.js';
import { callContext } from '../call-context.js';
import {
  countryProfilesSchema,
  deadlineRulesSchema,
  requestTypesSchema,
  runningDeadlinesSchema,
  stateMachinesSchema,
  timelineNotesSchema,
  withProblems,
} from '@hanoi247/contract';

export const referenceRoutes =
  (requests: RequestService, grounds: GroundOptions): FastifyPluginAsyncZod =>
  async (app) => {
    // The rules are constants of this build and its configuration: mapped once, not per request.
    const catalogue = requestTypeCatalogue(grounds);
    const machines = stateMachineCatalogue();
    const rules = deadlineRuleCatalogue();
    const profiles = countryProfileCatalogue();
    const notes = timelineNoteCatalogue();
    app.get(
      '/api/v1/request-types',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['reference'],
          summary:
            'Every request type: fields with labels and legal sources, bases, and per ' +
            'basis its refusal and postponement grounds',
          response: withProblems({ 200: requestTypesSchema }),
        },
      },
      async () => ({ requestTypes: catalogue }),
    );

    app.get(
      '/api/v1/timeline-notes',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['reference'],
          summary: 'The node\u2019s own timeline notes: each code with its parameters and its words in each language',
          description:
            'Timelines and partner messages carry notes as { code, params }; a reader puts them into words ' +
            'with this catalogue, formatting instants in its own zone.',
          response: withProblems({ 200: timelineNotesSchema }),
        },
      },
      async () => notes,
    );

    app.get(
      '/api/v1/state-machines',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['reference'],
          summary: 'States and transitions of each request family',
          response: withProblems({ 200: stateMachinesSchema }),
        },
      },
      async () => ({ stateMachines: machines }),
    );

    app.get(
      '/api/v1/deadline-rules',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['reference'],
          summary: 'The legal clocks as data',
          response: withProblems({ 200: deadlineRulesSchema }),
        },
      },
      async () => ({ deadlineRules: rules }),
    );

    app.get(
      '/api/v1/country-profiles',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['reference'],
          summary: 'Languages, reservations and authorities of partner States (illustrative until the directory lands)',
          response: withProblems({ 200: countryProfilesSchema }),
        },
      },
      async () => ({ countryProfiles: profiles }),
    );

    app.get(
      '/api/v1/deadlines',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'Running legal clocks, nearest first',
          response: withProblems({ 200: runningDeadlinesSchema }),
        },
      },
      async (request) => ({ deadlines: await requests.runningDeadlines(callContext(request), 200) }),
    );
  };
