import { loadConfig } from './config';
import { startServer } from './startServer';

/** Entry point of `npm start`: start, log where, shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config);
  console.log(`Puente listening on ${running.url} (data in ${config.dataDir})`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
