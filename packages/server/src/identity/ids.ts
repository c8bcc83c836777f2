import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDv7 ids: sortable, index-friendly and safe to expose. */
export type IdGenerator = () => string;

export const uuidV7Ids: IdGenerator = () => uuidv7();

/** 256 ids' worth of randomness per refill. */
const requestIdPoolBytes = 16 * 256;
const requestIdPool = new Uint8Array(requestIdPoolBytes);
let requestIdOffset = requestIdPoolBytes;

/**
 * UUIDv7 request ids from pooled randomness: the uuid package calls into the CSPRNG for
 * 16 bytes on every id, which cost more than the rest of the id (Node's own randomUUID
 * pools the same way). Within one millisecond these ids are unordered, which a request id may be;
 * record ids keep using the monotonic `uuidV7Ids`.
 */
export const requestIds: IdGenerator = () => {
  if (requestIdOffset >= requestIdPoolBytes) {
    randomFillSync(requestIdPool);
    requestIdOffset = 0;
  }
  const random = requestIdPool.subarray(requestIdOffset, requestIdOffset + 16);
  requestIdOffset += 16;
  return uuidv7({ random });
};
