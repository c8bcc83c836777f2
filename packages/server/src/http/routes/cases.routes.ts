import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CaseService } from '../../services/case.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  caseListSchema,
  createCaseBody,
  caseParams,
  purposeHeaderSchema,
  withProblems,
  caseViewSchema,
} from '@hanoi247/contract';

export const caseRoutes =
  (cases: CaseService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/cases',
      {
        config: { permission: 'requests:draft' },
        schema: {
          tags: ['cases'],
          summary: 'Open a case: offences, persons, identifiers, jurisdiction',
          body: createCaseBody,
          response: withProblems({ 201: caseViewSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await cases.create(callContext(request), request.body)),
    );

    app.get(
      '/api/v1/cases',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['cases'],
          summary: 'Cases, newest first',
          response: withProblems({ 200: caseListSchema }),
        },
      },
      async (request) => ({ cases: await cases.list(callContext(request)) }),
    );

    app.get(
      '/api/v1/cases/:caseId',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['cases'],
          summary: 'One case with its eligibility (audited; protected witnesses only for named officers)',
          params: caseParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: caseViewSchema }),
        },
      },
      async (request) => cases.get(callContext(request), request.params.caseId, purposeOf(request)),
    );
  };
