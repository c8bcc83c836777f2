import { DomainError, isDomainError } from '@hanoi247/core';
import type { LedgerService } from './ledger.service.js';
import type { LedgerSequencer } from './sequencer.js';

/**
 * Runs the sequencer until every given custody leaf has an index under a signed checkpoint,
 * for a use case that must prove its events at once (an offer, a bundle). Another sequencer
 * (the job, another process) may win a round; that is fine, the leaves get logged either way.
 */
export async function sequenceUntilLogged(
  ledger: LedgerService,
  sequencer: LedgerSequencer,
  custodyEventIds: readonly string[],
): Promise<void> {
  for (let round = 0; round < 50; round += 1) {
    let missing = 0;
    for (const id of custodyEventIds) if ((await ledger.leafIndexOf('custody', id)) === null) missing += 1;
    if (missing === 0) return;
    try {
      await sequencer.sequence();
    } catch (error) {
      if (!(isDomainError(error) && error.code === 'ledger/sequencer-conflict')) throw error;
    }
  }
  throw new DomainError('ledger/sequencer-conflict', 'the custody events could not be sequenced; try again');
}
