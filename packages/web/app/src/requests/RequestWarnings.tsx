import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../api/types.js';
import { pick } from '../i18n/i18n.js';

/**
 * What the officer should know before acting: the requested State's languages, bases and
 * reservations (codes the node puts in words, shown in the reader's language), then eligibility.
 */
export function RequestWarnings({ request }: { readonly request: Pick<RequestView, 'draftingWarnings' | 'warnings'> }) {
  const { t, i18n } = useTranslation();
  if (request.draftingWarnings.length + request.warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={t('request.warnings')}>
      <List>
        {request.draftingWarnings.map((w) => (
          <List.Item key={`${w.code}:${JSON.stringify(w.params)}`}>{pick(w.text, i18n.language)}</List.Item>
        ))}
        {request.warnings.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
