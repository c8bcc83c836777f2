/**
 * Splits a list into runs whose lengths are powers of two, at most `max`, biggest first. A
 * multi-row statement's SQL text depends on its row count; with these lengths a batch of any
 * size needs at most log2(max) + 1 distinct texts, so SQLite's prepared-statement cache
 * (statement-cache.ts) keeps them all instead of evicting the hot queries of the node.
 */
export function powerOfTwoChunks<T>(items: readonly T[], max = 128): T[][] {
  if (!Number.isInteger(Math.log2(max))) throw new RangeError(`the largest chunk must be a power of two, not ${max}`);
  const chunks: T[][] = [];
  let at = 0;
  while (at < items.length) {
    let size = max;
    while (size > items.length - at) size /= 2;
    chunks.push(items.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/**
 * Pads a non-empty `IN (…)` list to a power of two (at least `min`) by repeating its last element, for the same reason.
 */
export function padToPowerOfTwo<T>(items: readonly T[], min = 1): T[] {
  const last = items.at(-1);
  if (last === undefined) return [];
  let size = min;
  while (size < items.length) size *= 2;
  return [...items, ...Array.from({ length: size - items.length }, () => last)];
}
