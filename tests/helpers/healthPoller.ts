import { Worker } from 'node:worker_threads';

/** A running /healthz poller. */
export interface HealthPoller {
  /** Stops polling; resolves to the longest wait for an answer seen, in ms. */
  stop(): Promise<number>;
}

// Plain JavaScript, run in a worker thread of its own: what the test's main thread does meanwhile
// (building or masking a 16 MB message) never delays a poll or its timing.
const POLLER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let max = 0;
let running = true;
parentPort.once('message', () => { running = false; });
// A request the server drops (its keep-alive timer fired while its loop was held) counts as waited for.
const ask = () => new Promise((resolve) => {
  const started = performance.now();
  const done = () => { max = Math.max(max, performance.now() - started); resolve(); };
  const req = http.get(workerData.url + '/healthz', { agent }, (res) => {
    res.resume();
    res.once('end', done);
  });
  req.once('error', done);
});
(async () => {
  parentPort.postMessage({ ready: true });
  while (running) {
    await ask();
    await new Promise((r) => setTimeout(r, workerData.everyMs));
  }
  agent.destroy();
  parentPort.postMessage({ max });
})();
`;

/**
 * Asks `baseUrl`/healthz again and again, `everyMs` after each answer, over one kept-alive
 * connection, and records how long each answer took: the longest wait is how long the server's
 * event loop was held. Run it against a server in another process (tests/helpers/spawnServer.ts).
 */
export async function pollHealth(baseUrl: string, everyMs = 5): Promise<HealthPoller> {
  const worker = new Worker(POLLER, { eval: true, workerData: { url: baseUrl, everyMs } });
  const result = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: { max?: number }) => {
      if (m.max !== undefined) resolve(m.max);
    });
    worker.once('error', reject);
  });
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      const max = await result;
      await worker.terminate();
      return max;
    },
  };
}
