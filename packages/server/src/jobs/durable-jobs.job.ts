import type { FastifyInstance } from 'fastify';
import type { CommitHook } from '../services/commit-hook.js';
import type { JobRunner } from '../services/job-runner.service.js';
import { startIntervalJob } from './interval-job.js';

/**
 * Runs due durable jobs at once after a commit that wrote one, and on an interval for retries,
 * for jobs written by another process on the same database and for those a crash left behind.
 */
export function startDurableJobs(
  app: FastifyInstance,
  runner: JobRunner,
  commits: CommitHook,
  intervalMs: number,
): void {
  const batch = 20;
  startIntervalJob(app, {
    name: 'durable jobs',
    intervalMs,
    run: async () => {
      // A full batch may mean more are due: take them now rather than an interval later.
      while ((await runner.runDue(batch)).claimed === batch);
    },
    wakeOn: (wake) => commits.on('jobs', wake),
  });
}
