/** The sign-in form's own checks, in the app's language rather than the browser's. */
export type SignInField = 'username' | 'password' | 'totpCode';

/** The enrolment form asks for the code alone, so the username and password may be absent. */
export interface SignInValues {
  readonly username?: string;
  readonly password?: string;
  readonly totpCode: string;
}

/** Message keys by field, in the form's order; empty when the form can go to the node. */
export function checkSignIn(values: SignInValues, totpRequired: boolean): Partial<Record<SignInField, string>> {
  const errors: Partial<Record<SignInField, string>> = {};
  if (values.username?.trim() === '') errors.username = 'validation.required';
  if (values.password === '') errors.password = 'validation.required';
  if (values.totpCode === '' ? totpRequired : !/^\d{6}$/.test(values.totpCode)) {
    errors.totpCode = values.totpCode === '' ? 'validation.required' : 'validation.totpCode';
  }
  return errors;
}
