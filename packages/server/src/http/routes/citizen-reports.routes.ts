import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { citizenReportLimits } from '@hanoi247/core';
import {
  citizenAdditionBody,
  citizenReceiptSchema,
  citizenReportBody,
  citizenReportParams,
  citizenStatusSchema,
  fraudReportParams,
  fraudReportPrivateSchema,
  purposeHeaderSchema,
  proofOfWorkChallengeSchema,
  statusTokenHeaderSchema,
  withBatchProblems,
  withProblems,
} from '@hanoi247/contract';
import type { CitizenReportService } from '../../services/citizen-report.service.js';
import { callContext, purposeOf } from '../call-context.js';
import { rateLimitedError } from '../error-handler.js';

export interface CitizenReportRouteDeps {
  readonly citizens: CitizenReportService;
  /** Reports and additions a client address may send per hour. */
  readonly perHour: number;
}

/** Status reads a client address may make per minute: enough for a reporter, too few to guess anything. */
const statusReadsPerMinute = 60;

const perAddress = (max: number, timeWindow: number) => ({
  max,
  timeWindow,
  hook: 'preHandler' as const,
  keyGenerator: (request: { ip: string }) => `citizen-report|${request.ip}`,
  errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
    rateLimitedError(Math.ceil(context.ttl / 1000)),
});

/**
 * The public page's API: a proof-of-work challenge, a citizen's report (JSON only, at most 64 KiB), its status
 * read with the token of the status link, and additions to it. Nothing a reporter sends is ever run or rendered
 * as markup: it is validated against strict schemas, stored as data, and shown back as text.
 */
export const citizenReportRoutes =
  (deps: CitizenReportRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['fraud'];
    const writes = perAddress(deps.perHour, 3_600_000);

    app.get(
      '/api/v1/fraud/challenge',
      {
        config: { public: true, rateLimit: perAddress(statusReadsPerMinute, 60_000) },
        schema: {
          tags,
          summary: 'A proof-of-work challenge for the public report form (self-hosted, single use, expiring)',
          response: withProblems({ 200: proofOfWorkChallengeSchema }),
        },
      },
      async () => deps.citizens.challenge(),
    );

    app.post(
      '/api/v1/fraud/citizen-reports',
      {
        bodyLimit: citizenReportLimits.maxBodyBytes,
        config: { public: true, rateLimit: writes },
        schema: {
          tags,
          summary: 'Report online fraud as a citizen, without an account',
          description:
            `At most ${citizenReportLimits.maxBodyBytes} bytes, ${citizenReportLimits.maxTransfers} transfers and ` +
            `${citizenReportLimits.maxIdentifiers} identifiers, with a solved challenge of ` +
            '`GET /api/v1/fraud/challenge`. Answers the acknowledgement number and the status token, shown once.',
          body: citizenReportBody,
          response: withBatchProblems({ 201: citizenReceiptSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await deps.citizens.submit(callContext(request), request.body)),
    );

    app.get(
      '/api/v1/fraud/citizen-reports/:acknowledgementNumber',
      {
        config: { public: true, rateLimit: perAddress(statusReadsPerMinute, 60_000) },
        schema: {
          tags,
          summary: 'The status of a citizen\u2019s report, with the token of its status link',
          description: 'A wrong token and an unknown number answer the same 404.',
          params: citizenReportParams,
          headers: statusTokenHeaderSchema,
          response: withProblems({ 200: citizenStatusSchema }),
        },
      },
      async (request) => deps.citizens.status(request.params.acknowledgementNumber, request.headers['x-report-token']),
    );

    app.post(
      '/api/v1/fraud/citizen-reports/:acknowledgementNumber/additions',
      {
        bodyLimit: citizenReportLimits.maxBodyBytes,
        config: { public: true, rateLimit: writes },
        schema: {
          tags,
          summary: 'Add information to a citizen\u2019s report: a description, transfers, identifiers',
          params: citizenReportParams,
          headers: statusTokenHeaderSchema,
          body: citizenAdditionBody,
          response: withBatchProblems({ 200: citizenStatusSchema }),
        },
      },
      async (request) =>
        deps.citizens.add(
          callContext(request),
          request.params.acknowledgementNumber,
          request.headers['x-report-token'],
          request.body,
        ),
    );

    app.get(
      '/api/v1/fraud/reports/:reportId/private',
      {
        config: { permission: 'fraud-reports:read' },
        schema: {
          tags,
          summary:
            'A citizen\u2019s sealed narrative and contact, opened for the fraud desk (audited with its purpose)',
          description: 'The header `x-audit-purpose` is required: the read is audited with it.',
          params: fraudReportParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: fraudReportPrivateSchema }),
        },
      },
      async (request) => deps.citizens.readPrivate(callContext(request), request.params.reportId, purposeOf(request)),
    );
  };
