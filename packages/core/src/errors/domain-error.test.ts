import { describe, expect, it } from 'vitest';
import { DomainError, invariant, isDomainError } from './domain-error.js';

describe('DomainError', () => {
  it('carries its code, the kind of that code, its detail and issues', () => {
    const issues = [{ path: '/password', message: 'must be at least 12 characters' }];
    const error = new DomainError('user/weak-password', 'password too weak', { issues });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('user/weak-password');
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('password too weak');
    expect(error.issues).toEqual(issues);
    expect(error.cause).toBeUndefined();
  });

  it('derives the kind from the code', () => {
    expect(new DomainError('user/not-found', 'no such user').kind).toBe('not-found');
    expect(new DomainError('auth/bootstrap-already-done', 'done').kind).toBe('conflict');
    expect(new DomainError('storage/unavailable', 'down').kind).toBe('unavailable');
  });

  it('has no issues unless given', () => {
    expect(new DomainError('auth/forbidden', 'no').issues).toEqual([]);
  });

  it('keeps the cause apart from the message', () => {
    const cause = new Error('password=hunter2 rejected by upstream');
    const error = new DomainError('storage/unavailable', 'the database is unavailable', { cause });
    expect(error.cause).toBe(cause);
    expect(error.message).not.toContain('hunter2');
  });

  it('keeps a falsy cause', () => {
    expect(new DomainError('bug/internal', 'x', { cause: 0 }).cause).toBe(0);
    expect('cause' in new DomainError('bug/internal', 'x', { cause: undefined })).toBe(false);
  });
});

describe('isDomainError', () => {
  it('recognises only DomainError instances', () => {
    expect(isDomainError(new DomainError('bug/internal', 'x'))).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'bug/internal', kind: 'bug', message: 'x', issues: [] })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});

describe('invariant', () => {
  it('passes silently when the condition holds', () => {
    expect(() => invariant(true, 'never')).not.toThrow();
    expect(() => invariant(1, 'never')).not.toThrow();
    expect(() => invariant('x', 'never')).not.toThrow();
  });

  it.each([false, 0, '', null, undefined])('throws bug/invariant-violated for %j', (condition) => {
    let thrown: unknown;
    try {
      invariant(condition, 'the impossible happened');
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'bug/invariant-violated', kind: 'bug', message: 'the impossible happened' });
  });
});
