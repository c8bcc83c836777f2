import { isDomainError } from '@hanoi247/core';

/** A failure the operator can act on: printed without a stack trace, exit code 2 for bad input. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function reportFailure(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof CliError) {
    stderr.write(`hanoi247: ${error.message}\n`);
    return error.exitCode;
  }
  if (isDomainError(error)) {
    const issues = error.issues.map((i) => `\n  - ${i.path}: ${i.message}`).join('');
    stderr.write(`hanoi247: ${error.message}${issues}\n`);
    return error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not-found' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  stderr.write(`hanoi247: ${message}${cause}\n`);
  return 1;
}
