/**
 * The public form's proof-of-work, solved in the browser with WebCrypto: the first number `n` such that
 * SHA-256(`<challenge>:<n>`) starts with `bits` zero bits (the node's check, server/src/privacy/proof-of-work.ts).
 */
function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

export async function solveChallenge(challenge: string, bits: number): Promise<number> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n += 1) {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${n}`));
    if (leadingZeroBits(new Uint8Array(digest)) >= bits) return n;
  }
}

/** In a Web Worker where the browser has them, so the page stays responsive while the citizen types. */
export function solveInBackground(challenge: string, bits: number): Promise<number> {
  if (typeof Worker === 'undefined') return solveChallenge(challenge, bits);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<number>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ challenge, bits });
  });
}
