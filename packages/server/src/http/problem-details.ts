import type { ErrorCode, ErrorKind, FieldIssue } from '@hanoi247/core';

/** RFC 9457 problem details, with our stable `code` and the request id for support. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly requestId: string;
  readonly errors?: readonly FieldIssue[];
}

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'precondition-failed': 412,
  'rate-limited': 429,
  unavailable: 503,
  bug: 500,
  'request-timeout': 408,
  'uri-too-long': 414,
  'headers-too-large': 431,
  'expectation-failed': 417,
};

const titleByKind: Record<ErrorKind, string> = {
  invalid: 'The request is not valid',
  unauthenticated: 'Authentication is required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  gone: 'No longer available',
  'payload-too-large': 'The request body is too large',
  'unsupported-media-type': 'Unsupported media type',
  'precondition-failed': 'Precondition failed',
  'rate-limited': 'Too many requests',
  unavailable: 'Temporarily unavailable',
  bug: 'Internal error',
  'request-timeout': 'The request took too long to arrive',
  'uri-too-long': 'The URL is too long',
  'headers-too-large': 'The request headers are too large',
  'expectation-failed': 'Expectation not supported',
};

export function statusOf(kind: ErrorKind): number {
  return statusByKind[kind];
}

export function problem(
  code: ErrorCode,
  kind: ErrorKind,
  detail: string,
  requestId: string,
  errors?: readonly FieldIssue[],
): ProblemDetails {
  return {
    type: `urn:hanoi247:problem:${code}`,
    title: titleByKind[kind],
    status: statusByKind[kind],
    detail,
    code,
    requestId,
    ...(errors !== undefined && errors.length > 0 ? { errors } : {}),
  };
}
