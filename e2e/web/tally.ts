import type { BrowserContext } from 'playwright-core';

/**
 * Looked up at each event: the binding is installed with the page, not necessarily before this script. A field is
 * known by its page and its accessible name or form name, so two pages' "Note" count apart.
 */
const countingScript = `
  const report = (kind, field) => window.__h247Tally?.(kind, field);
  document.addEventListener('click', (event) => { if (event.isTrusted) report('click', ''); }, true);
  document.addEventListener('input', (event) => {
    const target = event.target;
    // A radio or a checkbox is chosen by a click, counted as one; only what takes text is a typed field.
    if (!event.isTrusted || target === null || target.type === 'radio' || target.type === 'checkbox') return;
    const name = target.getAttribute('aria-label') ?? target.name ?? '';
    report('input', location.hash + '|' + name + '|' + target.id);
  }, true);
`;

/**
 * What a person did in the pages: clicks and typed fields, counted in the browser from trusted events (the ones a real
 * mouse, keyboard or Playwright's input makes), so the count cannot drift from the script that plays the journey.
 * Typing into one field, however many characters, is one typed field; typing into it again after a click is another.
 */
export class JourneyTally {
  clicks = 0;
  typedFields = 0;
  /** The fields typed into, in order, by page and name: what a reader of the count can check it against. */
  readonly fields: string[] = [];
  private lastField: string | null = null;

  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__h247Tally', (_source, kind: unknown, field: unknown) => {
      if (kind === 'click') {
        this.clicks += 1;
        this.lastField = null;
      } else if (kind === 'input' && field !== this.lastField) {
        this.typedFields += 1;
        this.lastField = String(field);
        this.fields.push(this.lastField);
      }
    });
    // Plain script text: it runs in the page, where the DOM's types are not this file's.
    await context.addInitScript({ content: countingScript });
  }
}
