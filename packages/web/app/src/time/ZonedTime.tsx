import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localTime, utcTime } from './format.js';

/** A moment in the officer's zone; hover or focus shows it in UTC, as partners' messages state it. */
export function ZonedTime({ iso }: { readonly iso: string }) {
  const { i18n } = useTranslation();
  return (
    <Tooltip label={utcTime(iso)} withArrow>
      <time dateTime={iso} tabIndex={0}>
        {localTime(iso, i18n.language)}
      </time>
    </Tooltip>
  );
}
