import { Alert, Button, FileInput, Group, NativeSelect, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dataCategories } from '../api/provider-types.js';
import { byteSize, exactBytes } from '../evidence/format.js';
import { checkProduction, type ProductionField } from './production-checks.js';
import { uploadProduction, type UploadProgress } from './tus-upload.js';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly progress: UploadProgress }
  | { readonly kind: 'done'; readonly evidenceId: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: string };

const percentOf = ({ done, total }: UploadProgress) => (total > 0 ? Math.floor((done / total) * 100) : 100);

/**
 * One production file, hashed then sent resumably: an interrupted transfer of the same file
 * continues where the node stopped counting, so a large production survives a dropped connection.
 * `maxBytes`: the node's limit, published with the order.
 */
export function ProductionUpload({ orderId, maxBytes }: { readonly orderId: string; readonly maxBytes: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [errors, setErrors] = useState<Partial<Record<ProductionField, string>>>({});
  const controller = useRef<AbortController | null>(null);
  const fileRef = useRef<HTMLButtonElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  // Leaving the page stops the hashing and the transfer; the node keeps what it received.
  useEffect(() => () => controller.current?.abort(), []);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkProduction(file, category, maxBytes);
    setErrors(found);
    if (found.file !== undefined) fileRef.current?.focus();
    else if (found.dataCategory !== undefined) categoryRef.current?.focus();
    if (file === null || Object.keys(found).length > 0) return;
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: 'working', progress: { phase: 'hashing', done: 0, total: file.size } });
    uploadProduction(
      orderId,
      { file, dataCategory: category, description },
      (progress) => setStatus({ kind: 'working', progress }),
      abort.signal,
    )
      .then((evidenceId) => {
        setStatus({ kind: 'done', evidenceId });
        setFile(null);
        void client.invalidateQueries({ queryKey: ['provider-order', orderId] });
      })
      .catch((error: unknown) =>
        setStatus(
          abort.signal.aborted
            ? { kind: 'cancelled' }
            : { kind: 'failed', reason: error instanceof Error ? error.message : String(error) },
        ),
      )
      .finally(() => {
        if (controller.current === abort) controller.current = null;
      });
  };
  // The size both as people read it and exact, since the rounded figure may sit just above the limit.
  const limit = { limit: byteSize(maxBytes, i18n.language), bytes: exactBytes(maxBytes, i18n.language) };
  const error = (field: ProductionField) => (errors[field] === undefined ? undefined : t(errors[field], limit));
  const working = status.kind === 'working';
  const phase = working
    ? status.progress.phase === 'hashing'
      ? t('provider.hashing')
      : t('provider.uploadProgress')
    : '';
  const percent = working ? percentOf(status.progress) : 0;
  return (
    <section aria-labelledby="production">
      <Title order={2} size="h4" id="production" mb="xs">
        {t('provider.production')}
      </Title>
      <form onSubmit={send} noValidate aria-labelledby="production">
        <Stack gap="xs" maw={520}>
          <FileInput
            ref={fileRef}
            label={t('provider.file')}
            required
            clearable
            value={file}
            error={error('file')}
            onChange={(chosen) => {
              setFile(chosen);
              setErrors(({ file: _file, ...rest }) => rest);
            }}
            disabled={working}
          />
          <NativeSelect
            ref={categoryRef}
            label={t('provider.dataCategory')}
            required
            value={category}
            error={error('dataCategory')}
            disabled={working}
            onChange={(e) => {
              setCategory(e.currentTarget.value);
              setErrors(({ dataCategory: _category, ...rest }) => rest);
            }}
            data={[
              { value: '', label: t('provider.chooseCategory'), disabled: true },
              ...dataCategories.map((c) => ({ value: c, label: t(`dataCategory.${c}`) })),
            ]}
          />
          <TextInput
            label={t('provider.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={2000}
            disabled={working}
          />
          <Group>
            <Button type="submit" loading={working}>
              {t('provider.upload')}
            </Button>
            {working && (
              <Button variant="default" onClick={() => controller.current?.abort()}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
          {working && (
            <>
              <Group justify="space-between">
                <Text size="sm" role="status">
                  {phase}
                </Text>
                <Text size="sm" aria-hidden>
                  {percent}%
                </Text>
              </Group>
              <Progress value={percent} aria-label={phase} size="lg" animated />
            </>
          )}
          {status.kind === 'done' && (
            <Text c="green.9" role="status">
              {t('provider.uploaded', { id: status.evidenceId })}
            </Text>
          )}
          {status.kind === 'cancelled' && <Text role="status">{t('provider.uploadCancelled')}</Text>}
          {status.kind === 'failed' && (
            <Alert color="red" role="alert">
              {t('provider.uploadFailed', { reason: status.reason })}
            </Alert>
          )}
        </Stack>
      </form>
    </section>
  );
}
