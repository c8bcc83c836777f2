import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, isDomainError, manifestPath, manifestSignaturePath, type AssembledBundle } from '@hanoi247/core';
import { ZipFile } from 'yazl';

export interface BundleWritePlan {
  readonly assembled: AssembledBundle;
  /** The detached JWS over `assembled.manifestBytes` (signBundleManifest). */
  readonly manifestSignature: string;
  /** Opens one stored content by its SHA-256; called once per distinct file, only when the writer reaches it. */
  readonly openContent: (sha256: string) => Promise<Readable>;
}

export interface WrittenBundle {
  readonly path: string;
  readonly size: number;
  /** SHA-256 of the whole zip, for the custody event that records the export. */
  readonly sha256: string;
}

/** Hashes and counts a content stream as it passes, failing at its end if it is not what the manifest says. */
function integrityCheck(sha256: string, size: number): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      seen += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(
        actual === sha256 && seen === size
          ? null
          : new DomainError(
              'evidence/integrity-failed',
              `the stored content ${sha256} no longer matches its hash (${seen} bytes, ` +
                `SHA-256 ${actual}); nothing was exported`,
            ),
      );
    },
  });
}

/**
 * Writes case.zip as a stream: small records first (deflated), then each content file stored
 * uncompressed (evidence is often compressed already, and storing keeps the zip's bytes equal to
 * the file's), pulled one at a time, so memory stays bounded whatever the sizes. The zip is
 * written beside the target and renamed only once complete: a failed export leaves no case.zip.
 */
export async function writeBundle(plan: BundleWritePlan, outputPath: string): Promise<WrittenBundle> {
  const { assembled } = plan;
  const mtime = new Date(assembled.manifest.createdAt);
  const zip = new ZipFile();
  const failed = new Promise<never>((_, reject) => zip.once('error', reject));
  const temporary = `${outputPath}.partial-${randomUUID()}`;
  const digest = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      digest.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const output = zip.outputStream as Readable;
  const opened = new Set<Readable>();
  const written = pipeline(output, counter, createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true }));

  zip.addBuffer(assembled.manifestBytes, manifestPath, { mtime, mode: 0o100644 });
  zip.addBuffer(Buffer.from(plan.manifestSignature, 'utf8'), manifestSignaturePath, { mtime, mode: 0o100644 });
  for (const [path, bytes] of assembled.records) zip.addBuffer(bytes, path, { mtime, mode: 0o100644 });
  for (const file of assembled.files) {
    zip.addReadStreamLazy(file.path, { size: file.size, compress: false, mtime, mode: 0o100644 }, (callback) => {
      plan.openContent(file.sha256).then(
        (content) => {
          opened.add(content);
          content.once('close', () => opened.delete(content));
          const checked = integrityCheck(file.sha256, file.size);
          // yazl does not watch a lazily opened stream for errors: hand them to the zip.
          content.once('error', (error) => zip.emit('error', error));
          checked.once('error', (error) => zip.emit('error', error));
          callback(null, content.pipe(checked));
        },
        (error: unknown) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  zip.end();

  try {
    await Promise.race([written, failed]);
  } catch (error) {
    output.destroy();
    for (const content of opened) content.destroy();
    await written.catch(() => undefined);
    await rm(temporary, { force: true });
    if (isDomainError(error)) throw error;
    throw new DomainError('bundle/write-failed', `the bundle could not be written to ${outputPath}`, { cause: error });
  }
  await rename(temporary, outputPath);
  return { path: outputPath, size, sha256: digest.digest('hex') };
}
