import { DomainError, isDomainError, kindOf, type ErrorCode, type FieldIssue } from '@hanoi247/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { problem } from './problem-details.js';

interface Classified {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly issues?: readonly FieldIssue[];
}

const fastifyCodes: Partial<Record<string, Classified>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request/body-too-large', detail: 'the request body exceeds the size limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request/unsupported-media-type',
    detail: 'send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request/bad-request',
    detail: 'the Content-Length does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request/malformed-json', detail: 'the JSON body is empty' },
};

function validationIssues(
  error: { validation: readonly { instancePath?: string; message?: string; params?: unknown }[] },
  where: string,
): FieldIssue[] {
  return error.validation.map((v) => {
    const params = (v.params ?? {}) as { keys?: string[]; issue?: { keys?: string[] } };
    const keys = params.keys ?? params.issue?.keys;
    const base = v.instancePath === undefined || v.instancePath === '/' ? '' : v.instancePath;
    const path = keys !== undefined && keys.length > 0 ? `${base}/${keys.join(',')}` : base === '' ? '/' : base;
    return { path, message: v.message ?? 'is not valid', in: where };
  });
}

function classify(error: unknown): Classified | null {
  if (isDomainError(error)) return { code: error.code, detail: error.message, issues: error.issues };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = validationIssues(error, where);
    return {
      code: 'request/validation-failed',
      detail: `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    };
  }
  const fastifyError = error as Partial<FastifyError> & { message?: string };
  const known = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (known !== undefined) return known;
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (error instanceof SyntaxError && fastifyError.statusCode === 400)
  ) {
    return { code: 'request/malformed-json', detail: 'the body is not valid JSON' };
  }
  if (fastifyError.statusCode === 429) {
    return { code: 'request/rate-limited', detail: 'too many attempts; wait before trying again' };
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { code: 'request/bad-request', detail: 'the request could not be understood' };
  }
  return null;
}

function send(request: FastifyRequest, reply: FastifyReply, found: Classified): FastifyReply {
  const kind = kindOf(found.code);
  const body = problem(found.code, kind, found.detail, request.id, found.issues);
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** For answers decided before a route runs (edge-answers.ts): the same body, logged like a client error. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
): FastifyReply {
  request.log[kindOf(code) === 'bug' ? 'error' : 'warn']({ code }, detail);
  return send(request, reply, { code, detail });
}

/** The one place errors become HTTP answers; routes never catch. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const found = classify(error);
    if (found === null || kindOf(found.code) === 'bug') {
      request.log.error({ err: error }, 'unexpected error');
      return send(request, reply, {
        code: 'bug/internal',
        detail: 'an internal error occurred; quote the request id to support',
      });
    }
    const level = kindOf(found.code) === 'unavailable' ? 'error' : 'warn';
    request.log[level]({ code: found.code }, found.detail);
    return send(request, reply, found);
  });
  app.setNotFoundHandler((request, reply) =>
    send(request, reply, {
      code: 'request/route-not-found',
      detail: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    }),
  );
}

export function rateLimitedError(retryAfterSeconds: number): DomainError {
  return new DomainError('request/rate-limited', `too many attempts; try again in ${retryAfterSeconds} s`);
}
