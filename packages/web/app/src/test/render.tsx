import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

/**
 * A component as the app mounts it (main.tsx), minus the network: Mantine in its test mode
 * (no transitions or portals, so a modal's content is in the page at once) and a fresh
 * query cache that does not retry, so a refused call shows at once.
 */
export function renderWithApp(ui: ReactElement): RenderResult & { readonly queries: QueryClient } {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <MantineProvider env="test">
      <QueryClientProvider client={queries}>{ui}</QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queries };
}
