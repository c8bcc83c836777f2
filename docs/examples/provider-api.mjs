#!/usr/bin/env node
/**
 * How a service provider's system answers domestic orders through the hanoi247 API with a
 * scoped API token (scope provider-orders:respond). Plain Node 20: fetch, streams, no library.
 *
 *   HANOI247_URL=https://node.example.gov HANOI247_TOKEN=h247_… node provider-api.mjs \
 *     [--descriptor node.json]                 verify every order with `hanoi247 verify-order` first
 *     [--preserve "what you preserved"]        confirm preservation orders (until the end of the period)
 *     [--produce ORDER_ID FILE CATEGORY]       deliver FILE as production for ORDER_ID (traffic, subscriber, content, other)
 *
 * It lists the orders served on your provider, verifies each signed order against the issuing
 * node's descriptor from your directory, acknowledges new ones, and confirms or delivers as told.
 * Exit 0 when everything asked was done, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';

const base = process.env.HANOI247_URL;
const token = process.env.HANOI247_TOKEN;
if (!base || !token) {
  console.error('set HANOI247_URL and HANOI247_TOKEN (an API token with the provider-orders:respond scope)');
  process.exit(2);
}
const args = process.argv.slice(2);
const option = (name, count = 1) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.slice(at + 1, at + 1 + count);
};
const descriptorFile = option('--descriptor')?.[0];
const preserveWhat = option('--preserve')?.[0];
const produce = option('--produce', 3);

/** Every call carries the token; errors are RFC 9457 problem details with a stable `code`. */
async function api(method, path, { body, headers = {}, duplex } = {}) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && !(body instanceof Readable) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: body instanceof Readable ? Readable.toWeb(body) : JSON.stringify(body) }),
    ...(duplex ? { duplex } : {}),
  });
  const answer = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${answer.code ?? ''} ${answer.detail ?? answer}`);
  }
  return answer;
}

/** Never act on an order you have not verified: a forged order looks exactly like a real one. */
function verified(order) {
  if (descriptorFile === undefined) return true;
  return api('GET', `/api/v1/provider/orders/${order.id}/signed`).then((signed) => {
    const file = join(mkdtempSync(join(tmpdir(), 'order-')), `${order.reference}.json`);
    writeFileSync(file, JSON.stringify(signed));
    const check = spawnSync('hanoi247', ['verify-order', file, '--descriptor', descriptorFile], { encoding: 'utf8' });
    console.log(`${order.reference}: ${(check.stdout || check.stderr || '').trim().split('\n')[0]}`);
    return check.status === 0;
  });
}

const sha256Of = (path) =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });

let failed = false;
const { orders } = await api('GET', '/api/v1/provider/orders?limit=200');
console.log(`${orders.length} order(s) served on this provider`);
for (const order of orders) {
  const due = order.deadlines
    .filter((d) => d.status === 'open' || d.status === 'warned')
    .map((d) => `${d.ruleId} by ${d.dueAt}`);
  console.log(
    `${order.reference} ${order.type} ${order.state}${order.emergencyJustification ? ' EMERGENCY' : ''}${due.length ? ` (${due.join(', ')})` : ''}`,
  );
  if (!(await verified(order))) {
    console.error(
      `${order.reference}: NOT VERIFIED, not acted upon; call the issuing node's duty desk from your directory`,
    );
    failed = true;
    continue;
  }
  let current = order;
  if (current.state === 'SERVED') current = await api('POST', `/api/v1/provider/orders/${order.id}/acknowledge`);
  if (preserveWhat !== undefined && current.type === 'PRESERVE_25' && current.state === 'ACKNOWLEDGED') {
    const until = current.periods.at(-1).end;
    current = await api('POST', `/api/v1/provider/orders/${order.id}/confirm-preservation`, {
      body: { preservedUntil: until, what: preserveWhat },
    });
    console.log(`${order.reference}: preserved until ${until}`);
  }
  console.log(`${order.reference}: now ${current.state}`);
}

if (produce !== undefined) {
  const [orderId, file, category] = produce;
  // Your own hash travels with the file; the node refuses the file if its hash differs.
  const receipt = await api('POST', `/api/v1/provider/orders/${orderId}/production`, {
    body: createReadStream(file),
    duplex: 'half',
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'x-content-sha256': await sha256Of(file),
      'x-filename': encodeURIComponent(basename(file)),
      'x-data-category': category ?? 'other',
    },
  });
  console.log(
    `delivered ${receipt.evidence.filename} (${receipt.evidence.size} bytes, sha256 ${receipt.evidence.sha256}) as evidence ${receipt.evidence.id}; order ${receipt.order.state}`,
  );
}
process.exit(failed ? 1 : 0);
