import { kindOf, type ErrorCode, type ErrorKind } from './error-codes.js';

/** One field-level complaint, with a JSON-pointer-like path to the offending value. */
export interface FieldIssue {
  /** JSON pointer into the input, such as /roles/0. */
  readonly path: string;
  readonly message: string;
  /** Which part of an HTTP request: body, params, querystring or headers. */
  readonly in?: string;
}

export interface DomainErrorOptions {
  readonly issues?: readonly FieldIssue[];
  readonly cause?: unknown;
}

/**
 * The only error type the product throws on purpose. `detail` is safe to show to the
 * caller; anything sensitive belongs in `cause`, which is logged but never rendered.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, detail: string, options: DomainErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = kindOf(code);
    this.issues = options.issues ?? [];
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** For states the code believes impossible; renders as a generic 500. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new DomainError('bug/invariant-violated', message);
  }
}
