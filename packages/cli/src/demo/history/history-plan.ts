import { demoCases, type DemoCase } from './history-cases.js';
import { storyTemplates, type StoryStep, type StoryTemplate } from './history-stories.js';
import { Prng } from './prng.js';

export interface PlannedStory {
  readonly index: number;
  readonly template: StoryTemplate;
  readonly from: string;
  readonly to: string;
  readonly demoCase: DemoCase;
  /** Vietnamese for Viet Nam's requests that never leave the desk, English between States. */
  readonly language: 'vi' | 'en';
  readonly priority: 'urgent' | 'normal';
}

/** One step of one story on the shared timeline, in milliseconds after the history starts. */
export interface TimedStep {
  readonly story: PlannedStory;
  readonly at: number;
  /** Null: the request is drafted. */
  readonly step: StoryStep | null;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** How far back the history starts, and the quiet time it leaves before the real time. */
export const historyDays = 35;
const quietHours = 6;

/** Stories whose requests stay on the desk that drafted them: the home node's officers see them. */
const homeOnly = new Set(['draft', 'submitted', 'approved']);
/** Stories with domestic orders: the first of each is played at the home node, whose providers answer. */
const withOrders = (t: StoryTemplate) => t.steps.some(([, s]) => s.kind === 'make-order');
/** Stories the requested State has not finished: recent, so most of their clocks still run. */
const pending = new Set(['sent', 'acknowledged', 'triage', 'mla-assessment', 'accepted', 'mla-accepted']);

const durationHours = (t: StoryTemplate): number => t.steps.reduce((sum, [hours]) => sum + hours, 0);

function direction(random: Prng, template: StoryTemplate, first: boolean, countries: readonly string[]) {
  const [home, ...partners] = countries as [string, ...string[]];
  const partner = random.pick(partners);
  if (homeOnly.has(template.name)) return { from: home, to: partner };
  if (first && withOrders(template)) return { from: partner, to: home };
  return random.next() < 0.5 ? { from: home, to: partner } : { from: partner, to: home };
}

/**
 * The stories of a demo history: every template once, then `extra` more picked by the seed, each
 * between the first country (home) and a partner, on a case of its own, at a time of its own.
 * The same seed and countries give the same plan.
 */
export function planHistory(seed: number, countries: readonly string[], extra = 12): TimedStep[] {
  const random = new Prng(seed);
  const templates = [...storyTemplates, ...Array.from({ length: extra }, () => random.pick(storyTemplates))];
  const timed: TimedStep[] = [];
  const span = historyDays * dayMs - quietHours * hourMs;
  templates.forEach((template, index) => {
    const { from, to } = direction(random, template, index < storyTemplates.length, countries);
    const story: PlannedStory = {
      index,
      template,
      from,
      to,
      demoCase: random.pick(demoCases),
      language: homeOnly.has(template.name) && from === countries[0] && countries[0] === 'VN' ? 'vi' : 'en',
      priority: template.type === 'PRESERVATION_42' && random.next() < 0.6 ? 'urgent' : 'normal',
    };
    const latest = span - durationHours(template) * hourMs;
    const earliest = pending.has(template.name) ? latest - 2 * dayMs : 0;
    let at = earliest + Math.floor(random.next() * (latest - earliest));
    timed.push({ story, at, step: null });
    for (const [hours, step] of template.steps) {
      // Officers do not all act on the hour: a few minutes either way.
      at += hours * hourMs + random.int(1, 40) * 60_000;
      timed.push({ story, at, step });
    }
  });
  // Stable: a story's steps keep their order even when two fall on the same instant.
  return timed.sort((a, b) => a.at - b.at);
}
