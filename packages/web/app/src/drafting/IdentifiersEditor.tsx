import { Button, Fieldset, Flex, Group, Select, Stack, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { identifierError, type IdentifierRow } from './draft-validation.js';

const kinds = ['account', 'ip', 'email', 'url', 'phone', 'domain'] as const;

interface Props {
  readonly legend: string;
  readonly hint: string;
  readonly rows: readonly IdentifierRow[];
  readonly onChange: (rows: IdentifierRow[]) => void;
  readonly missing: string | undefined;
}

/** Exact identifiers, one row each, checked as typed: a wrong digit preserves the wrong account. */
export function IdentifiersEditor({ legend, hint, rows, onChange, missing }: Props) {
  const { t } = useTranslation();
  // The hint, or the "required" message in its place, is the group's description for assistive technology.
  const hintId = useId();
  const update = (index: number, row: IdentifierRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <Fieldset legend={legend} aria-describedby={hintId}>
      <Stack gap="xs">
        {rows.map((row, index) => {
          const error = identifierError(row);
          const n = index + 1;
          return (
            <Flex
              key={index}
              direction={{ base: 'column', sm: 'row' }}
              align={{ base: 'stretch', sm: 'flex-start' }}
              gap="xs"
              wrap="wrap"
            >
              <Select
                label={t('identifier.kind', { n })}
                w={{ base: '100%', sm: 140 }}
                allowDeselect={false}
                value={row.kind}
                data={kinds.map((k) => ({ value: k, label: t(`identifier.${k}`) }))}
                onChange={(kind) =>
                  update(index, { kind: (kind ?? row.kind) as IdentifierRow['kind'], value: row.value })
                }
              />
              {row.kind === 'account' && (
                <TextInput
                  label={t('identifier.service')}
                  value={row.service ?? ''}
                  onChange={(e) => update(index, { ...row, service: e.currentTarget.value })}
                />
              )}
              <TextInput
                label={t('identifier.value')}
                value={row.value}
                error={error === null || row.kind === 'ip' ? undefined : t(error)}
                onChange={(e) => update(index, { ...row, value: e.currentTarget.value })}
              />
              {row.kind === 'ip' && (
                <>
                  <TextInput
                    label={t('identifier.port')}
                    w={{ base: '100%', sm: 90 }}
                    value={row.port ?? ''}
                    onChange={(e) => update(index, { ...row, port: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('identifier.observedAt')}
                    placeholder="2026-10-30T14:03:11+07:00"
                    value={row.observedAt ?? ''}
                    error={error === null ? undefined : t(error)}
                    onChange={(e) => update(index, { ...row, observedAt: e.currentTarget.value })}
                  />
                </>
              )}
              <Button
                variant="subtle"
                color="red"
                mt={{ base: 0, sm: 24 }}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                {t('identifier.remove', { n })}
              </Button>
            </Flex>
          );
        })}
        <Group>
          <Button variant="light" onClick={() => onChange([...rows, { kind: 'account', service: '', value: '' }])}>
            {t('identifier.add')}
          </Button>
        </Group>
        <span id={hintId} style={{ fontSize: 12, color: missing === undefined ? '#495057' : '#c92a2a' }}>
          {missing ?? hint}
        </span>
      </Stack>
    </Fieldset>
  );
}
