/**
 * What the verifier found, check by check. Every check names its subject (an entry, an item,
 * an event, a checkpoint) and says in plain words what held or what failed, so a court can
 * read the report without knowing the format. Titles are bilingual; messages are English.
 */
export const checkTitles = {
  container: { en: 'Container entries are safe to read', vi: 'Các mục trong tệp nén an toàn để đọc' },
  manifest: { en: 'Manifest is present and well-formed', vi: 'Bản kê có mặt và đúng định dạng' },
  'manifest.signature': { en: 'Manifest is signed by the exporting node', vi: 'Bản kê được nút xuất ký' },
  'entry.missing': { en: 'Every entry the manifest lists is present', vi: 'Mọi mục bản kê liệt kê đều có mặt' },
  'entry.unlisted': {
    en: 'The bundle holds nothing the manifest does not list',
    vi: 'Gói không chứa mục ngoài bản kê',
  },
  'entry.digest': { en: 'Entry matches its SHA-256 in the manifest', vi: 'Mục khớp SHA-256 trong bản kê' },
  descriptor: { en: 'Node descriptor is self-signed and consistent', vi: 'Bản mô tả nút tự ký và nhất quán' },
  'descriptor.fingerprint': {
    en: 'Exporting node key matches the fingerprint published out of band',
    vi: 'Khóa của nút xuất khớp dấu vân tay công bố',
  },
  'checkpoint.signature': { en: 'Checkpoint is signed by the exporting node', vi: 'Điểm kiểm tra được nút xuất ký' },
  'checkpoint.consistency': {
    en: 'Checkpoints are consistent with the newest one',
    vi: 'Các điểm kiểm tra nhất quán với điểm mới nhất',
  },
  'foreign.checkpoint': {
    en: 'Sending State\u2019s checkpoint is signed by its node',
    vi: 'Điểm kiểm tra của quốc gia gửi được nút của quốc gia đó ký',
  },
  'foreign.fingerprint': {
    en: 'Sending State\u2019s key matches the fingerprint it published out of band',
    vi: 'Khóa của quốc gia gửi khớp dấu vân tay quốc gia đó công bố',
  },
  'file.hash': { en: 'File content matches its SHA-256 and size', vi: 'Nội dung tệp khớp SHA-256 và kích thước' },
  'custody.record': { en: 'Custody record is present and well-formed', vi: 'Hồ sơ lưu giữ có mặt và đúng định dạng' },
  'custody.leaf': {
    en: 'Custody events are about this item and its hash',
    vi: 'Sự kiện lưu giữ thuộc về chứng cứ này và giá trị băm của nó',
  },
  'custody.chain': { en: 'Custody chain is unbroken from its first event', vi: 'Chuỗi lưu giữ chứng cứ không bị đứt' },
  'custody.order': { en: 'Custody events are in time order', vi: 'Sự kiện lưu giữ theo đúng trình tự thời gian' },
  'custody.inclusion': { en: 'Custody events are in the signed ledger', vi: 'Sự kiện lưu giữ nằm trong sổ cái đã ký' },
  'custody.opening': {
    en: 'Disclosed personal details match their commitments',
    vi: 'Thông tin cá nhân được công bố khớp cam kết',
  },
  receipt: { en: 'Delivery receipt is signed by the partner', vi: 'Biên nhận chuyển giao được đối tác ký' },
} as const;
export type CheckId = keyof typeof checkTitles;

export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface BundleCheck {
  readonly id: CheckId;
  readonly status: CheckStatus;
  /** What the check is about: an entry path, "item <id>", "checkpoint <size>", "receipt <id>". */
  readonly subject: string;
  readonly message: string;
}

export interface BundleReport {
  readonly format: 'hanoi247-bundle-report';
  readonly v: 1;
  /** True only if no check failed; warnings do not fail a bundle. */
  readonly ok: boolean;
  readonly bundle: {
    readonly id: string;
    readonly createdAt: string;
    readonly exporter: { readonly country: string; readonly node: string };
    readonly destination: string | null;
    readonly request: {
      readonly id: string;
      readonly reference: string;
      readonly type: string;
      readonly requestingState: string;
      readonly requestedState: string;
    } | null;
    readonly items: number;
  } | null;
  /** The current signing-key fingerprint of each included descriptor that verified, by country. */
  readonly fingerprints: { readonly [country: string]: string };
  readonly counts: { readonly pass: number; readonly fail: number; readonly warn: number };
  readonly checks: readonly BundleCheck[];
}

/** Collects checks as the verification runs. */
export class CheckLog {
  readonly checks: BundleCheck[] = [];

  pass(id: CheckId, subject: string, message: string): void {
    this.checks.push({ id, status: 'pass', subject, message });
  }

  fail(id: CheckId, subject: string, message: string): void {
    this.checks.push({ id, status: 'fail', subject, message });
  }

  warn(id: CheckId, subject: string, message: string): void {
    this.checks.push({ id, status: 'warn', subject, message });
  }

  /** Failures recorded since `mark` (an index into checks). */
  failedSince(mark: number): boolean {
    return this.checks.slice(mark).some((c) => c.status === 'fail');
  }

  report(bundle: BundleReport['bundle'], fingerprints: BundleReport['fingerprints']): BundleReport {
    const count = (status: CheckStatus) => this.checks.filter((c) => c.status === status).length;
    const counts = { pass: count('pass'), fail: count('fail'), warn: count('warn') };
    return {
      format: 'hanoi247-bundle-report',
      v: 1,
      ok: counts.fail === 0 && counts.pass > 0,
      bundle,
      fingerprints,
      counts,
      checks: this.checks,
    };
  }
}

/** The plain-language report the CLI prints: verdict first, then every check, failures named. */
export function formatBundleReport(report: BundleReport): string {
  const lines: string[] = [];
  const verdict = report.ok
    ? 'VERIFIED: every file hash, proof, signature and custody link checks. / ' +
      'ĐÃ XÁC MINH: mọi giá trị băm, bằng chứng, chữ ký và mắt xích lưu giữ đều hợp lệ.'
    : `NOT VERIFIED: ${report.counts.fail} check(s) failed. / KHÔNG XÁC MINH ĐƯỢC: ` +
      `${report.counts.fail} kiểm tra không đạt.`;
  lines.push(verdict, '');
  if (report.bundle !== null) {
    const b = report.bundle;
    lines.push(
      `Bundle ${b.id}, created ${b.createdAt} by ${b.exporter.node} (${b.exporter.country})` +
        (b.destination === null ? '' : `, for ${b.destination}`),
    );
    if (b.request !== null) {
      lines.push(
        `Request ${b.request.reference} (${b.request.type}), ${b.request.requestingState} ` +
          `\u2192 ${b.request.requestedState}`,
      );
    }
    lines.push(`${b.items} evidence item(s)`);
  }
  for (const [country, fingerprint] of Object.entries(report.fingerprints)) {
    lines.push(`Signing key of ${country}: ${fingerprint}`);
  }
  lines.push('');
  const mark = { pass: 'PASS', fail: 'FAIL', warn: 'WARN' } as const;
  for (const check of report.checks) lines.push(`${mark[check.status]}  ${check.subject}: ${check.message}`);
  lines.push('', `${report.counts.pass} passed, ${report.counts.fail} failed, ${report.counts.warn} warning(s).`);
  return `${lines.join('\n')}\n`;
}
