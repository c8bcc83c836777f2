import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 level A and AA, the level the brief asks of the web app. */
const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The little of the browser's globals the audit touches (the e2e tier compiles without the DOM library). */
interface AxeWindow {
  readonly document: unknown;
  readonly axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> };
}

interface AxeResults {
  readonly violations: readonly {
    readonly id: string;
    readonly impact?: string | null;
    readonly help: string;
    readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
  }[];
}

/**
 * axe-core's WCAG 2.1 AA rules on the page as it stands, one readable line per violation and
 * offending element ("where: rule (impact) help — target: why"), so a failing assertion says
 * what to fix without opening a report. Empty when the page passes.
 */
export async function accessibilityViolations(page: Page, where: string): Promise<string[]> {
  // The app routes by URL hash, so one injection serves every page of the same document. Evaluated
  // through DevTools rather than added as a <script>: the node's CSP (script-src 'self') rightly refuses inline
  // scripts.
  if (!(await page.evaluate(() => (globalThis as unknown as AxeWindow).axe !== undefined))) {
    await page.evaluate(axe.source);
  }
  const results = await page.evaluate(async (tags) => {
    const browser = globalThis as unknown as AxeWindow;
    if (browser.axe === undefined) throw new Error('axe-core is not on the page');
    const found = await browser.axe.run(browser.document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    // Plain data only: the results hold DOM references that do not cross into Node.
    return {
      violations: found.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary ?? '' })),
      })),
    };
  }, wcag21aa);
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${where}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help} — ${n.target.join(' ')}: ` +
        (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

/**
 * "Works on a laptop screen": the page fits the viewport's width, no sideways scrolling (WCAG 1.4.10 asks it even at
 * 320 px).
 */
export async function horizontalOverflow(page: Page, where: string): Promise<string[]> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  return scrollWidth > clientWidth
    ? [`${where}: the page is ${scrollWidth} px wide in a ${clientWidth} px window (sideways scrolling)`]
    : [];
}
