import { describe, expect, it } from 'vitest';
import { createCommitHook } from './commit-hook.js';

describe('the after-commit hook', () => {
  it('tells each listener of the topics a commit names, once per commit, until it unsubscribes', () => {
    const hook = createCommitHook();
    const heard: string[] = [];
    const both = () => heard.push('both');
    hook.on('federation', both);
    hook.on('requests', both);
    const stopFeed = hook.on('requests', () => heard.push('feed'));
    hook.on('federation', () => heard.push('dispatcher'));

    hook.committed('federation', 'requests');
    expect(heard.sort()).toEqual(['both', 'dispatcher', 'feed']);

    heard.length = 0;
    hook.committed('requests');
    expect(heard.sort()).toEqual(['both', 'feed']);

    heard.length = 0;
    stopFeed();
    hook.committed('requests');
    expect(heard).toEqual(['both']);
  });
});
