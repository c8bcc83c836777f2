import { describe, expect, it } from 'vitest';
import { checkSignIn } from './sign-in-validation.js';

describe('the sign-in checks', () => {
  it('require a username and password, and the code only once the app is enrolled', () => {
    expect(checkSignIn({ username: ' ', password: '', totpCode: '' }, false)).toEqual({
      username: 'validation.required',
      password: 'validation.required',
    });
    expect(checkSignIn({ username: '', password: '', totpCode: '' }, true)).toMatchObject({
      totpCode: 'validation.required',
    });
    expect(checkSignIn({ username: 'an', password: 'pw', totpCode: '' }, false)).toEqual({});
  });

  it('take a code of exactly six digits', () => {
    expect(checkSignIn({ username: 'an', password: 'pw', totpCode: '12345' }, false)).toEqual({
      totpCode: 'validation.totpCode',
    });
    expect(checkSignIn({ username: 'an', password: 'pw', totpCode: '123456' }, false)).toEqual({});
  });
});
