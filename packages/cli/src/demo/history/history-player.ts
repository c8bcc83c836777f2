import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { requestRepository } from '@hanoi247/server';
import type { HistoryNode } from './history-actors.js';
import type { HistoryClock } from './history-clock.js';
import { dateRange, draftOf, requestPayload } from './history-details.js';
import type { PlannedStory, TimedStep } from './history-plan.js';
import { sequenceLedgers, settle } from './history-settle.js';
import type { StoryStep } from './history-stories.js';

const dayMs = 86_400_000;

interface StoryIds {
  reference: string;
  requesting: string;
  requested?: string;
  order?: string;
}

const authorisation = (country: string, index: number) => ({
  body: country === 'VN' ? 'People\u2019s Procuracy (demo)' : 'Investigating judge (demo)',
  reviewType: 'JUDICIAL' as const,
  decisionReference: `DEMO/${country}/${String(index + 1).padStart(3, '0')}`,
});

/** Plays a planned history on the nodes, step by step on the history clock, through their services. */
export class HistoryPlayer {
  readonly #ids = new Map<number, StoryIds>();
  readonly #nodes: ReadonlyMap<string, HistoryNode>;
  /** What the history made: requests drafted, domestic orders, evidence items produced. */
  readonly made = { requests: 0, orders: 0, evidence: 0 };

  constructor(
    nodes: readonly HistoryNode[],
    private readonly clock: HistoryClock,
    private readonly start: number,
  ) {
    this.#nodes = new Map(nodes.map((n) => [n.country, n]));
  }

  async play(steps: readonly TimedStep[]): Promise<void> {
    let day = 0;
    for (const timed of steps) {
      // The custody ledger signs a checkpoint at the end of each day something happened.
      if (Math.floor(timed.at / dayMs) > day) {
        await sequenceLedgers([...this.#nodes.values()]);
        day = Math.floor(timed.at / dayMs);
      }
      this.clock.moveTo(this.start + timed.at);
      try {
        await (timed.step === null ? this.#draft(timed.story) : this.#step(timed.story, timed.step));
      } catch (error) {
        const what =
          timed.step === null ? 'draft' : `${timed.step.kind} ${'action' in timed.step ? timed.step.action : ''}`;
        throw new Error(
          `demo history, story ${timed.story.index} (${timed.story.template.name}), ${what}: ${String(error)}`,
          { cause: error },
        );
      }
      // The two States of the story: the others' clocks and queues catch up on their own next steps.
      await settle([this.#node(timed.story.from), this.#node(timed.story.to)]);
    }
  }

  #node(country: string): HistoryNode {
    const node = this.#nodes.get(country);
    if (node === undefined) throw new Error(`no demo node ${country}`);
    return node;
  }

  async #draft(story: PlannedStory): Promise<void> {
    const { duty, node } = this.#node(story.from);
    const view = await node.services.requests.createDraft(duty, draftOf(story, this.clock.now()));
    this.#ids.set(story.index, { reference: view.reference, requesting: view.id });
    this.made.requests += 1;
  }

  /** The requested State's copy, found by the reference the requesting State gave it. */
  async #requested(story: PlannedStory, ids: StoryIds): Promise<string> {
    if (ids.requested !== undefined) return ids.requested;
    const record = await requestRepository.findByReference(this.#node(story.to).node.database.db, ids.reference);
    if (record === undefined) throw new Error(`${ids.reference} has not arrived at ${story.to}`);
    ids.requested = record.id;
    return record.id;
  }

  async #step(story: PlannedStory, step: StoryStep): Promise<void> {
    const ids = this.#ids.get(story.index);
    if (ids === undefined) throw new Error('the story has no request yet');
    const here = this.#node(step.kind === 'request' && step.side === 'requesting' ? story.from : story.to);
    const services = here.node.services;
    if (step.kind === 'request') {
      const id = step.side === 'requesting' ? ids.requesting : await this.#requested(story, ids);
      await services.transitions.transition(here[step.who], id, step.action, requestPayload(story, step.action));
      return;
    }
    if (step.kind === 'make-order') {
      const made = await services.ordersFromRequests.create(here.duty, await this.#requested(story, ids), [
        {
          providerId: here.providerId,
          authorisation: authorisation(here.country, story.index),
          ...(story.template.type === 'STORED_DATA_44'
            ? {
                type: 'PRODUCE_27A' as const,
                scope: {
                  dataCategories: [...story.demoCase.categories],
                  dateRange: { ...dateRange(this.clock.now()), timeZone: 'Asia/Ho_Chi_Minh' },
                },
              }
            : {}),
        },
      ]);
      const first = made.orders[0];
      if (first === undefined) throw new Error('no order was made from the request');
      ids.order = first.id;
      this.made.orders += made.orders.length;
      return;
    }
    if (ids.order === undefined) throw new Error('the story has no order');
    if (step.kind === 'order') {
      await services.orders.transition(here[step.who], ids.order, step.action, {});
      return;
    }
    await this.#provider(here, ids.order, step.action, story);
  }

  async #provider(here: HistoryNode, orderId: string, action: string, story: PlannedStory): Promise<void> {
    const { providerOrders } = here.node.services;
    if (action === 'confirm-preservation') {
      const order = await providerOrders.get(here.provider, orderId);
      const until = order.periods.at(-1)?.end;
      if (until === undefined) throw new Error('the order has no period');
      await providerOrders.act(here.provider, orderId, action, {
        preservedUntil: until,
        preservedWhat: story.demoCase.data.en,
      });
    } else if (action === 'object') {
      await providerOrders.act(here.provider, orderId, action, {
        reasonCode: 'DATA_NOT_HELD',
        note: 'The account was deleted before the order arrived; no logs are kept for it (demo).',
      });
    } else if (action === 'produce') {
      const content = Buffer.from(
        '# demo data, not real\naccount,ip,port,time\n' +
          `${story.demoCase.platform},198.51.100.${story.index},443,${this.clock.now().toISOString()}\n`,
      );
      const sha256 = createHash('sha256').update(content).digest('hex');
      await providerOrders.deliverProduction(
        here.provider,
        orderId,
        { filename: `demo-production-${story.index + 1}.csv`, mediaType: 'text/csv', sha256, dataCategory: 'traffic' },
        Readable.from([content]),
        content.length,
      );
      this.made.evidence += 1;
    } else {
      await providerOrders.act(here.provider, orderId, action, {});
    }
  }
}
