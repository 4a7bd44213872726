// The in-process outbox worker (issue 5): polls for due messages and sends them. Every process may
// run one; claims never overlap (services/mail/deliver-outbox.ts).
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '#services/context.ts';
import { deliverDueMessages } from '#services/mail/deliver-outbox.ts';
import { createMailTransport } from '#services/mail/mail-transport.ts';

export type MailWorker = { stop(): Promise<void>; runOnce(): Promise<void> };

export function startMailWorker(ctx: ServiceContext): MailWorker {
  const transport = createMailTransport(ctx.config.mail.smtpUrl);
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runOnce = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await deliverDueMessages(ctx, transport, workerId);
      } catch (error) {
        // A database hiccup must not kill the worker: log it and try again on the next tick.
        ctx.log.error('mail worker pass failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().then(schedule);
    }, ctx.config.mail.pollIntervalMs);
    timer.unref();
  };
  schedule();
  ctx.log.info('mail worker started', { workerId, transport: transport.kind });

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
