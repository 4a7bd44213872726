// First: libraries must see NODE_ENV before they load (config/runtime-env.ts).
import '#config/runtime-env.ts';
import { describeStartupError, loadConfig, startServer } from './index.ts';

// The process entry: start, print the URL and demo sign-ins, stop cleanly on SIGTERM/SIGINT.
try {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Backpoint is running at ${server.url}`);
  if (config.demoData) {
    console.log('Demo sign-ins (password backpoint-demo-2026):');
    console.log('  admin:         admin@demo.test');
    console.log('  practitioners: practitioner1@demo.test … practitioner3@demo.test');
    console.log('  patients:      patient1@demo.test … patient20@demo.test');
  }
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    console.log(`${signal} received: finishing requests in flight, then stopping`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  console.error(`backpoint: ${describeStartupError(error)}`);
  process.exit(1);
}
