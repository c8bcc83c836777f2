import { Alert, Button, FileInput, NativeSelect, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataCategories, type DataCategory } from '../api/provider-types.js';
import { uploadProduction } from './tus-upload.js';

type Status = { readonly kind: 'idle' } | { readonly kind: 'sending'; readonly held: number; readonly total: number } | { readonly kind: 'done'; readonly evidenceId: string } | { readonly kind: 'failed'; readonly reason: string };

/**
 * One production file, sent resumably: an interrupted transfer of the same file continues
 * where the node stopped counting, so a large production survives a dropped connection.
 */
export function ProductionUpload({ orderId }: { readonly orderId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState<DataCategory>('subscriber');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const send = () => {
    if (file === null) return;
    setStatus({ kind: 'sending', held: 0, total: file.size });
    uploadProduction(orderId, { file, dataCategory: category, description }, (held, total) => setStatus({ kind: 'sending', held, total }))
      .then((evidenceId) => {
        setStatus({ kind: 'done', evidenceId });
        setFile(null);
        void client.invalidateQueries({ queryKey: ['provider-order', orderId] });
      })
      .catch((error: unknown) => setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
  };
  const percent = status.kind === 'sending' && status.total > 0 ? Math.round((status.held / status.total) * 100) : 0;
  return (
    <section aria-labelledby="production">
      <Title order={2} size="h4" id="production" mb="xs">{t('provider.production')}</Title>
      <Stack gap="xs" maw={520}>
        <FileInput label={t('provider.file')} required clearable value={file} onChange={setFile} disabled={status.kind === 'sending'} />
        <NativeSelect label={t('provider.dataCategory')} value={category} onChange={(e) => setCategory(e.currentTarget.value as DataCategory)} data={dataCategories.map((c) => ({ value: c, label: t(`dataCategory.${c}`) }))} />
        <TextInput label={t('provider.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={2000} />
        <Button onClick={send} disabled={file === null} loading={status.kind === 'sending'}>{t('provider.upload')}</Button>
        {status.kind === 'sending' && <Progress value={percent} aria-label={t('provider.uploadProgress')} aria-valuetext={`${percent}%`} size="lg" animated />}
        {status.kind === 'done' && <Text c="green.8" role="status">{t('provider.uploaded', { id: status.evidenceId })}</Text>}
        {status.kind === 'failed' && <Alert color="red" role="alert">{t('provider.uploadFailed', { reason: status.reason })}</Alert>}
      </Stack>
    </section>
  );
}
