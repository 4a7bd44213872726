// Purges data past its retention once an hour (services/maintenance/purge-expired-data.ts). Safe in
// several processes: each purge is a set of idempotent DELETEs.
import type { ServiceContext } from '#services/context.ts';
import { purgeExpiredData } from '#services/maintenance/purge-expired-data.ts';

const INTERVAL_MS = 3600_000;

export function startRetentionJob(ctx: ServiceContext): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const counts = await purgeExpiredData(ctx);
        if (Object.values(counts).some((n) => n > 0)) ctx.log.info('expired data purged', counts);
      } catch (error) {
        ctx.log.error('retention purge failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  };
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
