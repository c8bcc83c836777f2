import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../api/queries.js';
import type { Bilingual } from '../api/types.js';
import { pick } from '../i18n/i18n.js';

interface Props {
  readonly filter: QueueFilter;
  readonly onChange: (filter: QueueFilter) => void;
  readonly typeTitles: ReadonlyMap<string, Bilingual>;
  readonly states: ReadonlyMap<string, Bilingual>;
}

/** Narrow the queue without losing sight of it: every choice has an "all" position. */
export function InboxFilters({ filter, onChange, typeTitles, states }: Props) {
  const { t, i18n } = useTranslation();
  const set = (key: keyof QueueFilter) => (value: string | null) => {
    const next: Record<string, string | undefined> = { ...filter };
    if (value === null || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const options = (map: ReadonlyMap<string, Bilingual>) =>
    [...map].map(([value, label]) => ({ value, label: pick(label, i18n.language) }));
  return (
    <Group gap="sm" align="end" role="search" aria-label={t('inbox.filters')}>
      <Select
        label={t('inbox.direction')}
        placeholder={t('inbox.all')}
        clearable
        value={filter.direction ?? null}
        onChange={set('direction')}
        data={[
          { value: 'incoming', label: t('direction.incoming') },
          { value: 'outgoing', label: t('direction.outgoing') },
        ]}
        w={{ base: '100%', sm: 150 }}
      />
      <Select
        label={t('inbox.type')}
        placeholder={t('inbox.all')}
        clearable
        searchable
        value={filter.type ?? null}
        onChange={set('type')}
        data={options(typeTitles)}
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label={t('inbox.state')}
        placeholder={t('inbox.all')}
        clearable
        searchable
        value={filter.state ?? null}
        onChange={set('state')}
        data={options(states)}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label={t('inbox.country')}
        placeholder={t('inbox.all')}
        clearable
        value={filter.country ?? null}
        onChange={set('country')}
        data={['VN', 'SG', 'FR', 'US', 'GB', 'JP', 'KR', 'TH', 'MY', 'ID', 'PH', 'AU', 'DE']}
        w={{ base: '100%', sm: 110 }}
      />
      <Select
        label={t('desk.assignee')}
        placeholder={t('desk.anyone')}
        clearable
        value={filter.assignee ?? null}
        onChange={set('assignee')}
        data={[
          { value: 'me', label: t('desk.me') },
          { value: 'unassigned', label: t('desk.unassigned') },
        ]}
        w={{ base: '100%', sm: 180 }}
      />
    </Group>
  );
}
