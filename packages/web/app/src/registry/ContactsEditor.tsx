import { Button, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { blankContact, contactRoles, type ContactRow } from './provider-form.js';

interface Props {
  readonly contacts: readonly ContactRow[];
  readonly onChange: (contacts: readonly ContactRow[]) => void;
  /** The message for a field, by its JSON pointer (`/contacts/0/phone`). */
  readonly errorAt: (path: string) => string | undefined;
}

/** The provider's contacts, at least one: who to reach, in which role, by e-mail or telephone. */
export function ContactsEditor({ contacts, onChange, errorAt }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<ContactRow>) =>
    onChange(contacts.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <Stack gap="sm">
      {contacts.map((c, i) => (
        <Fieldset key={i} legend={t('providerForm.contact', { n: i + 1 })}>
          <Group grow align="start" wrap="wrap">
            <NativeSelect
              label={t('providerForm.contactRole')}
              value={c.role}
              onChange={(e) => set(i, { role: e.currentTarget.value as ContactRow['role'] })}
              data={contactRoles.map((role) => ({ value: role, label: t(`contactRole.${role}`) }))}
            />
            <TextInput
              label={t('providerForm.contactName')}
              required
              value={c.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={errorAt(`/contacts/${i}/name`)}
            />
          </Group>
          <Group grow align="start" wrap="wrap" mt="xs">
            <TextInput
              label={t('providerForm.contactEmail')}
              type="email"
              value={c.email}
              onChange={(e) => set(i, { email: e.currentTarget.value })}
              error={errorAt(`/contacts/${i}/email`)}
            />
            <TextInput
              label={t('providerForm.contactPhone')}
              description={t('providerForm.phoneHint')}
              value={c.phone}
              onChange={(e) => set(i, { phone: e.currentTarget.value })}
              error={errorAt(`/contacts/${i}/phone`)}
            />
          </Group>
          {contacts.length > 1 && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              mt="xs"
              onClick={() => onChange(contacts.filter((_, j) => j !== i))}
            >
              {t('providerForm.removeContact', { n: i + 1 })}
            </Button>
          )}
        </Fieldset>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...contacts, blankContact])}>
          {t('providerForm.addContact')}
        </Button>
      </Group>
    </Stack>
  );
}
