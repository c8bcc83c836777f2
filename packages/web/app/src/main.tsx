import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './layout/readable.css';
import { MantineProvider, Notification, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './App.js';
import { initI18n } from './i18n/i18n.js';

initI18n();
// Dark blue reads well day and night and keeps AA contrast for white text on filled buttons. Other
// filled colours get black or white text, whichever reaches 4.5:1 (0.179: WCAG's crossover luminance).
const base = {
  primaryColor: 'indigo',
  primaryShade: 8,
  focusRing: 'always',
  autoContrast: true,
  luminanceThreshold: 0.179,
} as const;

/**
 * WCAG 1.4.3 (AA) for text Mantine draws in mid-tones: dimmed text (gray 6, 3.3:1 on white) takes
 * gray 7, and light and outline badges, alerts and buttons take a darkened shade 9 of their colour.
 */
const readableColours: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(theme.colors).flatMap(([name, shades]) => {
        const text = darken(shades[9], 0.35);
        return [
          [`--mantine-color-${name}-light-color`, text],
          [`--mantine-color-${name}-outline`, text],
        ];
      }),
    ),
  },
  dark: {},
});

/** The theme, with the toasts' close button named in the officer's language (WCAG 4.1.2). */
function Themed({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(
    () =>
      createTheme({
        ...base,
        components: {
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
          }),
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColours}>
      {children}
    </MantineProvider>
  );
}
const queries = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true, retry: 1 } } });
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <Themed>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
