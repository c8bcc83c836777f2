import { DomainError, readCsvReports, readJsonLines, type BatchReading } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import secureJson from 'secure-json-parse';
import {
  fraudBatchResultSchema,
  fraudReportBody,
  fraudReportParams,
  fraudReportReceiptSchema,
  fraudReportViewSchema,
  indicatorLookupQuery,
  indicatorLookupSchema,
  purposeHeaderSchema,
  withBatchProblems,
  withProblems,
} from '@hanoi247/contract';
import type { FraudReadService } from '../../services/fraud-read.service.js';
import type { FraudReportService } from '../../services/fraud-report.service.js';
import { callContext, purposeOf } from '../call-context.js';
import { rateLimitedError } from '../error-handler.js';

export interface FraudRouteDeps {
  readonly reports: FraudReportService;
  readonly reads: FraudReadService;
}

/** A batch: at most this many bytes and rows, and this many batches a minute per caller. */
export const fraudBatchLimits = { maxBytes: 8 * 1024 * 1024, maxRows: 5000, perMinute: 30 } as const;
const batchTypes = ['application/x-ndjson', 'text/csv'];

function readBatch(contentType: string | undefined, text: string): BatchReading {
  const parse = (line: string): unknown =>
    secureJson.parse(line, undefined, { protoAction: 'error', constructorAction: 'error' });
  return (contentType ?? '').toLowerCase().startsWith('text/csv') ? readCsvReports(text) : readJsonLines(text, parse);
}

/**
 * Institutions report fraud (one report, or a batch in JSON Lines or CSV); the fraud desk reads reports and
 * indicators.
 */
export const fraudRoutes =
  (deps: FraudRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['fraud'];

    app.post(
      '/api/v1/fraud/reports',
      {
        config: { permission: 'fraud-reports:submit' },
        schema: {
          tags,
          summary: 'Submit one fraud report; idempotent on the institution\u2019s reference',
          description:
            'A new report answers 201. The same report sent again under the same reference answers 200 with ' +
            '`status: duplicate` and the header `Idempotent-Replayed: true`; a different report under a used ' +
            'reference answers 409 `fraud/reference-reused`.',
          body: fraudReportBody,
          response: withProblems({ 200: fraudReportReceiptSchema, 201: fraudReportReceiptSchema }),
        },
      },
      async (request, reply) => {
        const receipt = await deps.reports.submit(callContext(request), request.body);
        if (receipt.status === 'duplicate') void reply.header('idempotent-replayed', 'true');
        return reply.status(receipt.status === 'created' ? 201 : 200).send(receipt);
      },
    );

    // JSON Lines and CSV only here: every other route keeps the node's JSON-only parsing (415 for the rest).
    await app.register(async (bulk) => {
      bulk.addContentTypeParser(
        batchTypes,
        { parseAs: 'string', bodyLimit: fraudBatchLimits.maxBytes },
        (_r, body, done) => done(null, body),
      );
      bulk.post(
        '/api/v1/fraud/report-batches',
        {
          bodyLimit: fraudBatchLimits.maxBytes,
          config: {
            permission: 'fraud-reports:submit',
            rateLimit: {
              max: fraudBatchLimits.perMinute,
              timeWindow: 60_000,
              hook: 'preHandler',
              keyGenerator: (request) => request.principal?.userId ?? request.ip,
              errorResponseBuilder: (_request, context) => rateLimitedError(Math.ceil(context.ttl / 1000)),
            },
          },
          schema: {
            tags,
            summary: 'Submit fraud reports in bulk (JSON Lines or CSV), with a result per row',
            description:
              'Content type `application/x-ndjson` (one report a line) or `text/csv` ' +
              '(columns in docs/fraud-reports.md). ' +
              `At most ${fraudBatchLimits.maxRows} rows and ${fraudBatchLimits.maxBytes} bytes. Each good row is ` +
              'stored in its own transaction; each bad row is answered with its line and problems.',
            response: withBatchProblems({ 200: fraudBatchResultSchema }),
          },
        },
        async (request) => {
          const reading = readBatch(
            request.headers['content-type'],
            typeof request.body === 'string' ? request.body : '',
          );
          if (!reading.ok) {
            throw new DomainError('fraud/batch-unreadable', `line ${reading.line}: ${reading.reason}`, {
              issues: [{ path: `/line/${reading.line}`, message: reading.reason, in: 'body' }],
            });
          }
          if (reading.rows.length > fraudBatchLimits.maxRows) {
            throw new DomainError('fraud/batch-too-large', `a batch holds at most ${fraudBatchLimits.maxRows} rows`);
          }
          const rows = await deps.reports.submitBatch(callContext(request), reading.rows);
          const count = (status: string) => rows.filter((r) => r.status === status).length;
          return { rows, created: count('created'), duplicates: count('duplicate'), rejected: count('rejected') };
        },
      );
    });

    app.get(
      '/api/v1/fraud/reports/:reportId',
      {
        config: { permission: 'fraud-reports:read' },
        schema: {
          tags,
          summary: 'One fraud report with its transfers and indicators (an audited read)',
          params: fraudReportParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: fraudReportViewSchema }),
        },
      },
      async (request) => deps.reads.get(callContext(request), request.params.reportId, purposeOf(request)),
    );

    app.get(
      '/api/v1/fraud/indicators',
      {
        config: { permission: 'indicators:read' },
        schema: {
          tags,
          summary: 'Find an indicator by its value, normalised first (exact match)',
          querystring: indicatorLookupQuery,
          response: withProblems({ 200: indicatorLookupSchema }),
        },
      },
      async (request) => ({
        indicators: await deps.reads.lookup(callContext(request), request.query.type, request.query.value),
      }),
    );
  };
