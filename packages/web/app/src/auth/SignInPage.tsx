import { Alert, Anchor, Button, Card, Code, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, rememberCsrfToken } from '../api/client.js';
import type { EnrolmentRequired, SignedIn } from '../api/types.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { stateNameOf, type NodeProfile } from '../place/node-profile.js';
import { rememberSessionExpiry, rememberSignedIn } from './session-expiry.js';
import { checkSignIn, type SignInField, type SignInValues } from './sign-in-validation.js';

/**
 * Password, then the 6-digit TOTP code; a first sign-in enrols the authenticator app. Above the
 * form: whose node this is, and the language switch, so nobody signs in to a page they cannot read.
 */
export function SignInPage({ place }: { readonly place?: NodeProfile | undefined }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [enrolment, setEnrolment] = useState<EnrolmentRequired | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SignInField, string>>>({});

  const signedIn = async (result: SignedIn | EnrolmentRequired) => {
    if (result.status === 'totp-enrolment-required') {
      setEnrolment(result);
      return;
    }
    rememberCsrfToken(result.csrfToken);
    rememberSessionExpiry(result.expiresAt);
    rememberSignedIn(true);
    await client.invalidateQueries({ queryKey: ['session'] });
  };
  const submit = (work: () => Promise<SignedIn | EnrolmentRequired>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    work()
      .then(signedIn)
      .catch((e: unknown) =>
        setError(
          e instanceof ApiError && e.status === 401 ? t('signIn.refused') : e instanceof Error ? e.message : String(e),
        ),
      )
      .finally(() => setBusy(false));
  };
  const field = (form: HTMLFormElement, name: string) => {
    const value = new FormData(form).get(name);
    return typeof value === 'string' ? value : '';
  };
  /** The app's own messages, linked to their fields, instead of the browser's bubbles; focus goes to the first one. */
  const valid = (event: FormEvent<HTMLFormElement>, values: SignInValues, totpRequired: boolean) => {
    const found = checkSignIn(values, totpRequired);
    setFieldErrors(found);
    const first = (['username', 'password', 'totpCode'] as const).find((name) => found[name] !== undefined);
    if (first === undefined) return true;
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem(first);
    if (input instanceof HTMLElement) input.focus();
    return false;
  };
  const fieldError = (name: SignInField) => (fieldErrors[name] === undefined ? undefined : t(fieldErrors[name]));
  const clear = (name: SignInField) => () => setFieldErrors(({ [name]: _cleared, ...rest }) => rest);

  return (
    <Card component="main" withBorder maw={420} mx="auto" mt="xl" p="lg">
      <Group justify="space-between" align="start" mb="md" gap="xs">
        <Text size="sm" c="dimmed" data-testid="node-place">
          {place === undefined
            ? t('app.name')
            : t('place.signInAt', { state: stateNameOf(place, i18n.language), name: place.name })}
        </Text>
        <LanguageSwitch />
      </Group>
      {enrolment === null ? (
        <form
          aria-labelledby="sign-in-title"
          noValidate
          onSubmit={(e) => {
            const form = e.currentTarget;
            const totpCode = field(form, 'totpCode').trim();
            const body = {
              username: field(form, 'username').trim(),
              password: field(form, 'password'),
              ...(totpCode === '' ? {} : { totpCode }),
            };
            if (valid(e, { ...body, totpCode }, false)) submit(() => call('login', { body }))(e);
          }}
        >
          <Stack>
            <Title order={1} size="h3" id="sign-in-title">
              {t('signIn.title')}
            </Title>
            <TextInput
              name="username"
              label={t('signIn.username')}
              autoComplete="username"
              required
              error={fieldError('username')}
              onChange={clear('username')}
            />
            {/* Mantine's PasswordInput marks its inner input data-invalid only: say it to assistive technology too. */}
            <PasswordInput
              name="password"
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              error={fieldError('password')}
              aria-invalid={fieldErrors.password !== undefined}
              onChange={clear('password')}
            />
            <TextInput
              name="totpCode"
              label={t('signIn.totpCode')}
              description={t('signIn.totpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              error={fieldError('totpCode')}
              onChange={clear('totpCode')}
            />
            {error !== null && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form
          aria-labelledby="enrol-title"
          noValidate
          onSubmit={(e) => {
            const totpCode = field(e.currentTarget, 'totpCode').trim();
            if (valid(e, { totpCode }, true)) {
              submit(() => call('enrolTotp', { body: { enrolmentToken: enrolment.enrolmentToken, totpCode } }))(e);
            }
          }}
        >
          <Stack>
            <Title order={1} size="h3" id="enrol-title">
              {t('enrol.title')}
            </Title>
            <Text>{t('enrol.help')}</Text>
            <Code block aria-label={t('enrol.secret')}>
              {enrolment.secret}
            </Code>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {enrolment.otpauthUri}
            </Text>
            <TextInput
              name="totpCode"
              label={t('signIn.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              error={fieldError('totpCode')}
              onChange={clear('totpCode')}
            />
            {error !== null && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {t('enrol.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor href="#/report-fraud" display="block" mt="lg" ta="center">
        {t('citizen.link')}
      </Anchor>
    </Card>
  );
}
