import { solveChallenge } from './solve-challenge.js';

/** The proof-of-work off the page's thread: one challenge in, its solution out. */
self.onmessage = (event: MessageEvent<{ challenge: string; bits: number }>) => {
  void solveChallenge(event.data.challenge, event.data.bits).then((solution) => self.postMessage(solution));
};
