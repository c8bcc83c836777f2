import type { CheckId, CheckLog } from './bundle-report.js';
import { EntryTooLargeError, readEntry, utf8Text, type BundleEntry, type BundleSource } from './bundle-source.js';

/** What every part of the verification shares: the source, the log, and one careful way to read an entry. */
export class VerifyContext {
  constructor(
    readonly source: BundleSource,
    readonly log: CheckLog,
    readonly present: ReadonlyMap<string, BundleEntry>,
  ) {}

  /**
   * Reads a listed entry whole (up to `cap`), reports a digest that differs from the manifest's,
   * and still returns the bytes: the content checks that follow then say what exactly changed.
   * Null when the entry is absent (already reported as missing) or cannot be read (reported here).
   */
  async read(
    path: string,
    expectedSha256: string | null,
    cap: number,
    check: CheckId,
    subject: string,
  ): Promise<Buffer | null> {
    if (!this.present.has(path)) return null;
    try {
      const { bytes, sha256 } = await readEntry(this.source, path, cap);
      if (expectedSha256 !== null && sha256 !== expectedSha256) {
        this.log.fail(
          'entry.digest',
          path,
          `SHA-256 is ${sha256}, the manifest says ${expectedSha256}: the entry was changed after export`,
        );
      }
      return bytes;
    } catch (error) {
      this.log.fail(
        check,
        subject,
        error instanceof EntryTooLargeError ? error.message : `${path} cannot be read: ${messageOf(error)}`,
      );
      return null;
    }
  }

  /** The entry as UTF-8 JSON; undefined (never a JSON value) when it is absent or unreadable, the reason logged. */
  async readJson(
    path: string,
    expectedSha256: string | null,
    cap: number,
    check: CheckId,
    subject: string,
  ): Promise<unknown> {
    const bytes = await this.read(path, expectedSha256, cap, check, subject);
    if (bytes === null) return undefined;
    try {
      return JSON.parse(utf8Text(bytes)) as unknown;
    } catch {
      this.log.fail(check, subject, `${path} is not UTF-8 JSON`);
      return undefined;
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Zod issues in one line: "items/0/sha256: must be a lower-case hex SHA-256; ...". */
export function issuesText(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('/') || '(root)'}: ${i.message}`)
    .join('; ');
}
