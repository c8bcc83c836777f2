/** Times in the officer's own zone and language; UTC is one hover away for partners' clocks. */

export function localTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2 h 05 min" until (or, negative, since) a deadline: the desk reads hours, not dates. */
export function remaining(ms: number): { readonly overdue: boolean; readonly text: string } {
  const overdue = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const text =
    days > 0
      ? `${days} d ${two(hours)} h`
      : hours > 0
        ? `${hours} h ${two(minutes)} min`
        : `${minutes} min ${two(seconds)} s`;
  return { overdue, text };
}
