import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveIndicator } from '../layout/LiveIndicator.js';
import { renderWithApp } from '../test/render.js';
import { deskRefetchInterval, livePollIntervalMs } from './live-mode.js';
import { useLiveUpdates } from './useLiveUpdates.js';

/** The browser's EventSource, driven by the test: what the server would send, when it would. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  fail(state: number): void {
    this.readyState = state;
    this.onerror?.();
  }
  send(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
    }
  }
}

function Desk({ enabled }: { readonly enabled: boolean }) {
  return <LiveIndicator status={useLiveUpdates(enabled)} />;
}

const source = (): FakeEventSource => {
  const last = FakeEventSource.opened.at(-1);
  if (last === undefined) throw new Error('no EventSource was opened');
  return last;
};

describe('live updates of the desk', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says it polls until the stream opens, then live, and polls slowly only while live', () => {
    const shortPoll = deskRefetchInterval(3000);
    renderWithApp(<Desk enabled />);
    expect(source().url).toBe('/api/v1/events');
    expect(screen.getByRole('status').textContent).toBe('Đang cập nhật định kỳ');
    expect(shortPoll()).toBe(3000);
    act(() => source().open());
    expect(screen.getByRole('status').textContent).toBe('Trực tiếp');
    expect(shortPoll()).toBe(livePollIntervalMs);
    act(() => source().fail(FakeEventSource.CONNECTING));
    expect(screen.getByRole('status').textContent).toBe('Đang cập nhật định kỳ');
    expect(shortPoll()).toBe(3000);
  });

  it('refreshes the inbox and the changed request on each event', () => {
    const { queries } = renderWithApp(<Desk enabled />);
    const invalidate = vi.spyOn(queries, 'invalidateQueries');
    act(() => source().open());
    act(() =>
      source().send('request', {
        requestId: 'r-1',
        reference: 'SG-1',
        state: 'ACKNOWLEDGED',
        kind: 'transition',
        action: 'acknowledge',
        seq: 7,
      }),
    );
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual(expect.arrayContaining([['queue'], ['request', 'r-1'], ['timeline', 'r-1']]));
  });

  it('closes the stream when the layout goes (sign-out) and opens none for a provider', () => {
    const { unmount } = renderWithApp(<Desk enabled />);
    act(() => source().open());
    unmount();
    expect(source().readyState).toBe(FakeEventSource.CLOSED);
    expect(deskRefetchInterval(3000)()).toBe(3000);
    renderWithApp(<Desk enabled={false} />);
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
