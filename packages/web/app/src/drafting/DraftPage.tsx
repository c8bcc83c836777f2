import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  List,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../api/client.js';
import { useCountryProfiles, useRequest, useRequestTypes } from '../api/queries.js';
import type { RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { navigate } from '../routing/route.js';
import { draftBody, formFromRequest, newDraft } from './draft-body.js';
import { countryChecks, validateDraft, type DraftForm } from './draft-validation.js';
import { DetailsFields } from './DetailsFields.js';
import { useCitation } from '../records/LegalSources.js';

/** A guided outgoing request: the type's fields with their legal sources, partner checks as you type. */
export function DraftPage({ id }: { readonly id: string | null }) {
  return id === null ? <DraftEditor initial={null} /> : <ExistingDraft id={id} />;
}

function ExistingDraft({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const existing = useRequest(id);
  return existing.data === undefined ? (
    <Loader aria-label={t('common.loading')} />
  ) : (
    <DraftEditor initial={existing.data} />
  );
}

function DraftEditor({ initial }: { readonly initial: RequestView | null }) {
  const { t, i18n } = useTranslation();
  const cite = useCitation();
  // Language and basis codes of a partner's profile, put in words for the check's sentence.
  const readableCheck = (values: Readonly<Record<string, string>> | undefined) => {
    const words = (codes: string | undefined, section: string) =>
      (codes ?? '')
        .split(', ')
        .map((code) => t(`${section}.${code}`, { defaultValue: code }))
        .join(', ');
    return {
      ...values,
      languages: words(values?.['languages'], 'language'),
      bases: words(values?.['bases'], 'legalBasis'),
    };
  };
  const client = useQueryClient();
  const types = useRequestTypes();
  const profiles = useCountryProfiles();
  const [form, setForm] = useState<DraftForm>(() => (initial === null ? newDraft : formFromRequest(initial)));
  const [saved, setSaved] = useState<RequestView | null>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Bumped by a refused submission: once the errors are on screen, focus goes to the first one
  // (or to the summary when that field cannot say it is invalid), so a keyboard or screen-reader
  // user lands where the work is.
  const [errorFocus, setErrorFocus] = useState(0);
  useEffect(() => {
    if (errorFocus === 0) return;
    (formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? summaryRef.current)?.focus();
  }, [errorFocus]);

  if (types.data === undefined || profiles.data === undefined) return <Loader aria-label={t('common.loading')} />;
  const type = types.data.find((ty) => ty.code === form.type);
  const fields = type?.fields ?? [];
  const errors = validateDraft(form, fields);
  const shownErrors = showErrors ? errors : {};
  const checks = countryChecks(
    form,
    profiles.data.find((p) => p.country === form.requestedState),
    i18n.language,
  );
  const set = (patch: Partial<DraftForm>) => setForm({ ...form, ...patch });

  const save = async (): Promise<RequestView> => {
    const body = draftBody(form);
    const { type: _t, legalBasis: _b, requestedState: _s, ...editable } = body;
    const view =
      saved === null
        ? await api<RequestView>('POST', '/api/v1/requests', body)
        : await api<RequestView>('PATCH', `/api/v1/requests/${saved.id}`, { ...editable, version: saved.version });
    setSaved(view);
    void client.invalidateQueries({ queryKey: ['queue'] });
    return view;
  };
  const act = (submit: boolean) => {
    setShowErrors(true);
    setFailure(null);
    if ((submit && Object.keys(errors).length > 0) || form.requestedState === '') {
      setErrorFocus((n) => n + 1);
      return;
    }
    setBusy(true);
    save()
      .then(async (view) => {
        if (!submit) {
          notifications.show({ color: 'green', message: t('draft.saved', { reference: view.reference }) });
          return;
        }
        await call('transitionRequest', { params: { requestId: view.id }, body: { action: 'submit', payload: {} } });
        notifications.show({ color: 'green', message: t('draft.submitted', { reference: view.reference }) });
        navigate({ page: 'request', id: view.id });
      })
      .catch((e: unknown) =>
        setFailure(
          e instanceof ApiError
            ? [e.message, ...e.fieldErrors.map((f) => `${f.path}: ${f.message}`)].join(' — ')
            : String(e),
        ),
      )
      .finally(() => setBusy(false));
  };
  const locked = saved !== null;

  return (
    <Stack>
      <Title order={1} size="h2">
        {saved === null ? t('draft.title') : t('draft.editTitle', { reference: saved.reference })}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form
            ref={formRef}
            onSubmit={(e) => {
              e.preventDefault();
              act(true);
            }}
            noValidate
            aria-label={t('draft.title')}
          >
            <Stack>
              <Select
                label={t('draft.type')}
                disabled={locked}
                allowDeselect={false}
                value={form.type}
                onChange={(v) => set({ type: v ?? form.type, details: {} })}
                data={types.data.map((ty) => ({ value: ty.code, label: pick(ty.title, i18n.language) }))}
                description={
                  type === undefined
                    ? undefined
                    : `${t('draft.legalSource')}: ${cite(type.sourceFor?.[form.legalBasis] ?? type.legalSource)}`
                }
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('draft.requestedState')}
                  required
                  disabled={locked}
                  value={form.requestedState || null}
                  error={showErrors && form.requestedState === '' ? t('validation.required') : undefined}
                  onChange={(v) => set({ requestedState: v ?? '' })}
                  data={profiles.data.map((p) => ({
                    value: p.country,
                    label: `${pick(p.name, i18n.language)} (${p.country})`,
                  }))}
                />
                <Select
                  label={t('draft.legalBasis')}
                  required
                  disabled={locked}
                  allowDeselect={false}
                  value={form.legalBasis}
                  onChange={(v) => set({ legalBasis: v ?? form.legalBasis })}
                  data={(type?.allowedBases ?? []).map((b) => ({ value: b, label: t(`legalBasis.${b}`) }))}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('draft.language')}
                  allowDeselect={false}
                  value={form.language}
                  onChange={(v) => set({ language: v ?? form.language })}
                  data={['en', 'vi', 'fr', 'zh', 'ru', 'es', 'ar'].map((l) => ({
                    value: l,
                    label: t(`language.${l}`),
                  }))}
                />
                <Select
                  label={t('draft.priority')}
                  allowDeselect={false}
                  value={form.priority}
                  onChange={(v) => set({ priority: (v ?? form.priority) as DraftForm['priority'] })}
                  data={(['emergency', 'urgent', 'normal'] as const).map((p) => ({
                    value: p,
                    label: t(`priority.${p}`),
                  }))}
                />
              </SimpleGrid>
              {form.priority === 'emergency' && (
                <Textarea
                  label={t('draft.emergencyJustification')}
                  required
                  value={form.emergencyJustification}
                  error={
                    shownErrors['emergencyJustification'] === undefined
                      ? undefined
                      : t(shownErrors['emergencyJustification'])
                  }
                  onChange={(e) => set({ emergencyJustification: e.currentTarget.value })}
                />
              )}
              <DetailsFields
                fields={fields}
                legalBasis={form.legalBasis}
                details={form.details}
                errors={shownErrors}
                onChange={(details) => set({ details })}
              />
              {showErrors && Object.keys(errors).length > 0 && (
                <Alert ref={summaryRef} tabIndex={-1} color="orange" role="alert">
                  {t('draft.fixErrors', { count: Object.keys(errors).length })}
                </Alert>
              )}
              {failure !== null && (
                <Alert color="red" role="alert">
                  {failure}
                </Alert>
              )}
              <Group>
                <Button variant="default" loading={busy} onClick={() => act(false)}>
                  {t('draft.save')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('draft.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder aria-live="polite">
            <Title order={2} size="h5" mb="xs">
              {t('draft.checksTitle')}
            </Title>
            {checks.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('draft.noChecks')}
              </Text>
            ) : (
              <List size="sm">
                {checks.map((c) => (
                  <List.Item key={`${c.key}-${c.values?.['code'] ?? ''}`}>
                    {t(c.key, readableCheck(c.values))}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
