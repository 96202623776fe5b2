import type { Adapters } from '../adapters/create-adapters';
import { JobService } from './jobs/job.service';

/** Builds every use-case service from the adapters and registers the job handlers. */
export function createServices(adapters: Adapters) {
  const jobs = new JobService(adapters.database.db, adapters.jobQueue, adapters.clock, adapters.log, adapters.metrics);

  jobs.register({
    'system.selftest': {
      handle: async (payload) => {
        if (payload.holdMs) await new Promise((resolve) => setTimeout(resolve, payload.holdMs));
        return { marker: payload.marker, pid: process.pid };
      },
      retry: { maxAttempts: 3, backoffMs: 500 },
    },
  });

  return { jobs };
}

export type Services = ReturnType<typeof createServices>;
