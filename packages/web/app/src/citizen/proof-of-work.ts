import { call } from '../api/client.js';
import { solveInBackground } from './solve-challenge.js';

export interface SolvedProof {
  readonly challenge: string;
  readonly solution: number;
}

/** Asks the node for a challenge and solves it off the page's thread; started when the form opens. */
export async function prepareProof(): Promise<SolvedProof> {
  const issued = await call('getFraudChallenge');
  return { challenge: issued.challenge, solution: await solveInBackground(issued.challenge, issued.bits) };
}
