import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { citationText, citedOnce, parseCitation, type CitationWords } from './citation.js';

/** The words a citation is written with, in the officer's language. */
export function useCitationWords(): CitationWords {
  const { t, i18n } = useTranslation();
  return {
    language: i18n.language,
    instrument: (key) => t(`instrument.${key}`),
    article: (number) => t('records.article', { number }),
  };
}

/** One citation in the officer's words, without the "[unverified]" mark (the section's badge says it once). */
export function useCitation(): (cited: string) => string {
  const words = useCitationWords();
  return (cited) => citationText(parseCitation(cited), words);
}

/** The one discreet mark of a section whose citations are not yet checked against the official text. */
export function UnverifiedBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('records.unverifiedHint')} withArrow multiline w={280}>
      <Badge size="xs" variant="light" color="gray" tabIndex={0}>
        {t('records.unverified')}
      </Badge>
    </Tooltip>
  );
}

/** The sources of one section, each once, with one discreet badge when any is not yet verified. */
export function LegalSources({ cited }: { readonly cited: readonly string[] }) {
  const { t } = useTranslation();
  const { sources, unverified } = citedOnce(cited, useCitationWords());
  if (sources.length === 0) return null;
  return (
    <Group gap="xs" align="baseline" wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('records.legalSources')}: {sources.join('; ')}
      </Text>
      {unverified && <UnverifiedBadge />}
    </Group>
  );
}
