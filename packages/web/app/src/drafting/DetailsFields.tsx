import { Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../api/types.js';
import { pick } from '../i18n/i18n.js';
import { asRange, rangeFields } from './date-range.js';
import type { DraftErrors, IdentifierRow } from './draft-validation.js';
import { IdentifiersEditor } from './IdentifiersEditor.js';
import { PeriodInput } from './PeriodInput.js';
import { parseCitation } from '../records/citation.js';
import { UnverifiedBadge, useCitation } from '../records/LegalSources.js';

interface Props {
  readonly fields: readonly FieldSpec[];
  readonly legalBasis: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly errors: DraftErrors;
  readonly onChange: (details: Record<string, unknown>) => void;
}

const dataCategories = ['subscriber', 'traffic', 'content'] as const;
// Fields whose shape is not free text: the registry names them, the UI knows their inputs.
const structured = new Set(['identifiers', 'dataCategories', 'mlaWillFollow', 'confidentiality']);

/** The request type's own fields, each with its legal source as the hint under it. */
export function DetailsFields({ fields, legalBasis, details, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = (name: string, value: unknown) => onChange({ ...details, [name]: value });
  const error = (name: string) =>
    errors[`details.${name}`] === undefined ? undefined : t(errors[`details.${name}`] ?? '');
  const cite = useCitation();
  const sourceOf = (f: FieldSpec) => f.sourceFor?.[legalBasis] ?? f.legalSource;
  const hint = (f: FieldSpec) => `${t('draft.legalSource')}: ${cite(sourceOf(f))}`;
  const anyUnverified = fields.some((f) => parseCitation(sourceOf(f)).unverified);
  return (
    <Stack>
      {fields.map((f) => {
        const label = pick(f.label, i18n.language);
        const required = (f.requiredFor as readonly string[]).includes(legalBasis);
        if (f.name === 'identifiers') {
          const rows = Array.isArray(details['identifiers']) ? (details['identifiers'] as IdentifierRow[]) : [];
          return (
            <IdentifiersEditor
              key={f.name}
              legend={required ? `${label} *` : label}
              hint={hint(f)}
              rows={rows}
              missing={error(f.name)}
              onChange={(r) => set('identifiers', r)}
            />
          );
        }
        if (f.name === 'dataCategories') {
          const chosen = Array.isArray(details['dataCategories']) ? (details['dataCategories'] as string[]) : [];
          return (
            <Checkbox.Group
              key={f.name}
              label={label}
              description={hint(f)}
              withAsterisk={required}
              error={error(f.name)}
              value={chosen}
              onChange={(v) => set('dataCategories', v)}
            >
              <Group mt="xs">
                {dataCategories.map((c) => (
                  <Checkbox key={c} value={c} label={t(`dataCategory.${c}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          );
        }
        if (f.name === 'mlaWillFollow') {
          return (
            <Checkbox
              key={f.name}
              label={required ? `${label} *` : label}
              description={hint(f)}
              error={error(f.name)}
              checked={details['mlaWillFollow'] === true}
              onChange={(e) => set('mlaWillFollow', e.currentTarget.checked)}
            />
          );
        }
        if (f.name === 'confidentiality') {
          const value = (details['confidentiality'] ?? { requested: false, noUserNotification: false }) as {
            requested: boolean;
            noUserNotification: boolean;
          };
          return (
            <Stack key={f.name} gap={4}>
              <Checkbox
                label={t('draft.confidentialityRequested')}
                description={hint(f)}
                checked={value.requested}
                onChange={(e) => set('confidentiality', { ...value, requested: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('draft.noUserNotification')}
                checked={value.noUserNotification}
                onChange={(e) => set('confidentiality', { ...value, noUserNotification: e.currentTarget.checked })}
              />
            </Stack>
          );
        }
        if (rangeFields.has(f.name)) {
          return (
            <PeriodInput
              key={f.name}
              legend={label}
              required={required}
              hint={hint(f)}
              value={asRange(details[f.name])}
              error={errors[`details.${f.name}`]}
              onChange={(v) => set(f.name, v)}
            />
          );
        }
        if (structured.has(f.name)) return null;
        return (
          <Textarea
            key={f.name}
            label={label}
            description={hint(f)}
            required={required}
            autosize
            minRows={1}
            error={error(f.name)}
            value={typeof details[f.name] === 'string' ? (details[f.name] as string) : ''}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      })}
      {anyUnverified && (
        <Group gap="xs">
          <UnverifiedBadge />
        </Group>
      )}
    </Stack>
  );
}
