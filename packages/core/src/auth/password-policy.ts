import type { FieldIssue } from '../errors/domain-error.js';

export const passwordPolicy = {
  minLength: 12,
  // argon2 cost grows with input; an upper bound stops a cheap request costing a lot.
  maxLength: 256,
} as const;

/** NIST SP 800-63B style: length over composition rules, and not the username. */
export function passwordIssues(password: string, username: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (password.length < passwordPolicy.minLength) {
    issues.push({ path: '/password', message: `must be at least ${passwordPolicy.minLength} characters` });
  }
  if (password.length > passwordPolicy.maxLength) {
    issues.push({ path: '/password', message: `must be at most ${passwordPolicy.maxLength} characters` });
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    issues.push({ path: '/password', message: 'must not contain the username' });
  }
  if (new Set(password).size < 5) {
    issues.push({ path: '/password', message: 'must use at least 5 different characters' });
  }
  return issues;
}

export const usernamePattern = /^[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])$/;
