import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-codes.js';

/**
 * Four-eyes: whoever drafted (edited, submitted, amended) a record may not approve or authorise it.
 * An actor without an id cannot be told apart from a drafter, so is refused too. The one rule for
 * requests and orders, shared by the guard and by the list of actions offered to a caller, so a
 * button is never shown that the guard would refuse.
 */
export function fourEyesAllows(
  subject: { readonly draftedBy: readonly string[] },
  actor: { readonly userId: string | null },
): boolean {
  return actor.userId !== null && !subject.draftedBy.includes(actor.userId);
}

/** The four-eyes guard: refuses with the type's own code and words. */
export function requireFourEyes(
  subject: { readonly draftedBy: readonly string[] },
  actor: { readonly userId: string | null },
  refusal: { readonly code: ErrorCode; readonly detail: string },
): void {
  if (!fourEyesAllows(subject, actor)) throw new DomainError(refusal.code, refusal.detail);
}
