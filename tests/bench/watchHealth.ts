import { Worker } from 'node:worker_threads';

/** What a /healthz watch saw: the longest wait for an answer, how many polls, how many waited long. */
export interface HealthWatch {
  maxMs: number;
  polls: number;
  over100Ms: number;
  over1s: number;
}

// Plain JavaScript in a thread of its own, so that the load generator's own work never delays a poll.
const WATCHER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const seen = { maxMs: 0, polls: 0, over100Ms: 0, over1s: 0 };
let running = true;
parentPort.once('message', () => { running = false; });
// A request the server drops counts as waited for.
const ask = () => new Promise((resolve) => {
  const started = performance.now();
  const done = () => {
    const ms = performance.now() - started;
    seen.maxMs = Math.max(seen.maxMs, ms);
    seen.polls++;
    if (ms > 100) seen.over100Ms++;
    if (ms > 1000) seen.over1s++;
    resolve();
  };
  http.get(workerData.url + '/healthz', { agent }, (res) => { res.resume(); res.once('end', done); }).once('error', done);
});
(async () => {
  while (running) {
    await ask();
    await new Promise((r) => setTimeout(r, workerData.everyMs));
  }
  agent.destroy();
  parentPort.postMessage(seen);
})();
`;

/** Polls `baseUrl`/healthz every `everyMs` after each answer until the returned function is called. */
export function watchHealth(baseUrl: string, everyMs = 5): () => Promise<HealthWatch> {
  const worker = new Worker(WATCHER, { eval: true, workerData: { url: baseUrl, everyMs } });
  return () => new Promise((resolve) => {
    worker.once('message', (seen: HealthWatch) => void worker.terminate().then(() => resolve(seen)));
    worker.postMessage('stop');
  });
}
