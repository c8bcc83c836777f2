import { currentKey, operatorPrincipal, type NodeDescriptor } from '@hanoi247/core';
import type { TestNode } from './test-node.js';

/** Each node pins every other by the fingerprint in its published descriptor, as operators would. */
export async function federate(nodes: readonly TestNode[]): Promise<void> {
  const descriptors = new Map<TestNode, { descriptor: NodeDescriptor; signature: string }>();
  for (const node of nodes) {
    const response = await node.call('GET', '/federation/v1/descriptor');
    if (response.statusCode !== 200) {
      throw new Error(`descriptor of ${node.config.node.country}: ${response.statusCode}`);
    }
    descriptors.set(node, response.json());
  }
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  for (const node of nodes) {
    for (const [other, signed] of descriptors) {
      if (other === node) continue;
      await node.app.node.services.peers.pin(operator, signed, currentKey(signed.descriptor).signing.fingerprint);
    }
  }
}

/** Runs every node's durable jobs, dispatcher and deferred-inbox retry until nothing is left to deliver. */
export async function settle(nodes: readonly TestNode[], rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    let moved = 0;
    for (const node of nodes) {
      const jobs = await node.app.node.services.jobs.runDue();
      moved += jobs.done + jobs.failed;
      const summary = await node.app.node.services.dispatcher.dispatchDue();
      moved += summary.delivered + summary.retried;
      moved += await node.app.node.services.inbox.retryDeferred();
    }
    if (moved === 0) return;
  }
}
