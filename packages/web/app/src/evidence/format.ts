const locale = (language: string): string => (language === 'vi' ? 'vi-VN' : 'en-GB');

/** Sizes as people read them: 1.2 MB rather than 1234567 bytes. */
export function byteSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** An exact count with the language's digit grouping, where a rounded size could mislead (a limit). */
export const exactBytes = (bytes: number, language: string): string =>
  new Intl.NumberFormat(locale(language)).format(bytes);

/** The first 12 hex digits: enough to tell items apart on screen; the full hash is a hover away. */
export const shortHash = (hex: string): string => (hex.length > 12 ? `${hex.slice(0, 12)}…` : hex);
