import { useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, call } from './client.js';
import { useSession } from './queries.js';
import type { SessionView } from './types.js';

export const useRequestEvidence = (requestId: string, enabled = true) =>
  useQuery({
    queryKey: ['evidence-list', requestId],
    queryFn: () => call('listRequestEvidence', { params: { requestId } }).then((r) => r.items),
    refetchInterval: 15_000,
    enabled,
  });

export const useEvidence = (id: string) =>
  useQuery({ queryKey: ['evidence', id], queryFn: () => call('getEvidence', { params: { evidenceId: id } }) });

export const useCustody = (id: string) =>
  useQuery({
    queryKey: ['custody', id],
    queryFn: () => call('getEvidenceCustody', { params: { evidenceId: id } }).then((r) => r.events),
    refetchInterval: 15_000,
  });

export const useCustodyProofs = (id: string) =>
  useQuery({
    queryKey: ['custody-proofs', id],
    queryFn: () => call('getEvidenceCustodyProofs', { params: { evidenceId: id } }),
    refetchInterval: 15_000,
  });

export const useLedgerAlerts = () =>
  useQuery({
    queryKey: ['ledger-alerts'],
    queryFn: () => call('listLedgerAlerts').then((r) => r.alerts),
    refetchInterval: 30_000,
  });

/** Whether the signed-in user holds a permission; false until the session is read. */
export function useHasPermission(permission: SessionView['permissions'][number]): boolean {
  const session = useSession();
  return session.data?.permissions.includes(permission) ?? false;
}

function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** POST /api/v1/bundles, then hand the zip to the browser through a temporary blob link. */
export const useExportBundle = (requestId: string) =>
  useMutation({
    mutationFn: async () => {
      const response = await apiFetch('POST', '/api/v1/bundles', { requestId }, 'application/zip');
      const url = URL.createObjectURL(await response.blob());
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = filenameOf(response, 'evidence-bundle.zip');
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    },
  });
