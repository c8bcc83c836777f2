import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordIssues, passwordPolicy, usernamePattern } from './password-policy.js';

const runs = { seed: 0x12345, numRuns: 200 } as const;
const messagesOf = (password: string, username: string): string[] =>
  passwordIssues(password, username).map((issue) => issue.message);

describe('passwordIssues', () => {
  it('accepts a long passphrase', () => {
    expect(passwordIssues('correct horse battery staple', 'alice')).toEqual([]);
  });

  it('requires at least 12 characters', () => {
    expect(messagesOf('abcdefghijk', 'alice')).toEqual(['must be at least 12 characters']);
    expect(passwordIssues('abcdefghijkl', 'alice')).toEqual([]);
  });

  it('allows at most 256 characters', () => {
    const atLimit = 'abcdefgh'.repeat(32);
    expect(atLimit).toHaveLength(256);
    expect(passwordIssues(atLimit, 'alice')).toEqual([]);
    expect(messagesOf(`${atLimit}x`, 'alice')).toEqual(['must be at most 256 characters']);
  });

  it('rejects a password that contains the username, ignoring case', () => {
    expect(messagesOf('my-ALICE-password', 'alice')).toEqual(['must not contain the username']);
    expect(messagesOf('my-alice-password', 'Alice')).toEqual(['must not contain the username']);
  });

  it('requires five different characters', () => {
    expect(messagesOf('abababababab', 'alice')).toEqual(['must use at least 5 different characters']);
    expect(messagesOf('abcdabcdabcd', 'alice')).toEqual(['must use at least 5 different characters']);
    expect(passwordIssues('abcdeabcdeab', 'alice')).toEqual([]);
  });

  it('reports every problem at once, each on /password', () => {
    const issues = passwordIssues('bob', 'bob');
    expect(issues.map((issue) => issue.message).sort()).toEqual([
      'must be at least 12 characters',
      'must not contain the username',
      'must use at least 5 different characters',
    ]);
    expect(issues.every((issue) => issue.path === '/password')).toBe(true);
  });

  it('states the limits it enforces', () => {
    expect(passwordPolicy).toEqual({ minLength: 12, maxLength: 256 });
  });

  it('always flags a password built around the username (property)', () => {
    const username = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{1,20}[a-z0-9]$/);
    const filler = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(username, filler, filler, fc.boolean(), (name, before, after, upper) => {
        const password = `${before}${upper ? name.toUpperCase() : name}${after}`;
        expect(messagesOf(password, name)).toContain('must not contain the username');
      }),
      runs,
    );
  });

  it('accepts any password of allowed length with enough distinct characters and no username (property)', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#%&*+,;=?@^~'];
    const password = fc
      .tuple(
        fc.shuffledSubarray(alphabet, { minLength: 5, maxLength: 5 }),
        fc.array(fc.constantFrom(...alphabet), { minLength: 7, maxLength: 251 }),
      )
      .map(([distinct, rest]) => [...distinct, ...rest].join(''));
    fc.assert(
      fc.property(password, (candidate) => {
        // The check ignores case, so an upper-case run such as NGUYEN would still count as the username.
        fc.pre(!candidate.toLowerCase().includes('nguyen'));
        expect(passwordIssues(candidate, 'nguyen')).toEqual([]);
      }),
      runs,
    );
  });
});

describe('usernamePattern', () => {
  it.each(['abc', 'alice', 'nguyen.van.a', 'a_b-c.d', '007', 'a'.repeat(64)])('accepts %j', (name) => {
    expect(usernamePattern.test(name)).toBe(true);
  });

  it.each([
    '',
    'Alice',
    '.alice',
    'alice.',
    '-alice',
    'alice_',
    'al ice',
    'al@ice',
    'nguyễn',
    'a'.repeat(65),
    'alice\n',
  ])('rejects %j', (name) => {
    expect(usernamePattern.test(name)).toBe(false);
  });
});
