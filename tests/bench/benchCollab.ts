import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { spawnServer } from '../helpers/spawnServer';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { ms, percentile, procUsage } from './stats';
import { prepareData } from './prepareData';
import type { TypistsJob, TypistsReport } from './collabTypists';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What one run of the collaboration load measured. */
export interface CollabResult {
  server: 'puente' | 'stock';
  clients: number;
  typists: number;
  seconds: number;
  sent: number;
  expected: number;
  received: number;
  lost: number;
  late: number;
  p50: number;
  p99: number;
  max: number;
  cpuPercent: number;
  /** Highest resident memory sampled while the typists type (the load compared with the stock server). */
  rssMB: number;
  /** Highest resident memory from start to end, the clients joining included. */
  rssPeakMB: number;
}

/** Both servers under the same load in one run, and Puente's figures over the stock server's. */
export interface CollabComparison {
  puente: CollabResult;
  stock: CollabResult;
  ratios: { p50: number; p99: number; cpu: number; rss: number };
}

function spawnStock(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(here, 'stockServer.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /listening on (\S+)/.exec(d.toString());
      if (m?.[1]) resolve({ url: m[1], child });
    });
  });
}

/** Threads the typists run in, apart from the thread of the observers that time arrivals. */
const TYPIST_THREADS = 2;

/**
 * `clients` connections to one 200-page bill, `typists` of them typing 3 keys a second for
 * `seconds`. Server-hop latency is measured from each keystroke's transaction to its arrival at
 * ten observing connections (epoch milliseconds across threads); every update sent and received is
 * counted.
 */
export async function benchCollab(kind: 'puente' | 'stock', bill: BilingualContent, clients = 100, typists = 50, seconds = 60): Promise<CollabResult> {
  let url: string;
  let pid: number;
  let stop: () => Promise<void>;
  let room: string;
  let params: Record<string, string> = {};
  if (kind === 'puente') {
    const data = await prepareData([bill]);
    // Measured as `npm start` runs it: the built server on plain node.
    const proc = await spawnServer(data.dataDir, { PUENTE_MESSAGE_RATE: '1000', PUENTE_MESSAGE_BURST: '5000' }, { built: true });
    const res = await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) });
    params = { token: ((await res.json()) as { token: string }).token, ...(process.env.BENCH_NO_ACK ? {} : { ack: '1' }) };
    url = proc.url;
    pid = proc.child.pid as number;
    stop = () => proc.kill('SIGTERM');
    room = data.docIds[0] as string;
  } else {
    const s = await spawnStock();
    url = s.url;
    pid = s.child.pid as number;
    stop = async () => void s.child.kill('SIGTERM');
    room = 'bench';
  }
  const wsBase = url.replace(/^http/, 'ws') + (kind === 'puente' ? '/collab' : '');
  let rssPeak = procUsage(pid).rssMB;
  const peakSampler = setInterval(() => (rssPeak = Math.max(rssPeak, procUsage(pid).rssMB)), 250);
  const sendTimes = new Map<string, number>();

  // Typists: real y-websocket clients with a full copy of the bill, in worker threads of their own
  // (their work on 50 copies of the bill would otherwise delay the arrivals this thread times).
  const workers: Worker[] = [];
  const sentBy: Promise<number>[] = [];
  const perWorker = Math.ceil(typists / TYPIST_THREADS);
  for (let first = 0; first < typists; first += perWorker) {
    const job: TypistsJob = { wsBase, room, params, first, count: Math.min(perWorker, typists - first), total: typists, bring: first === 0 && kind === 'stock' ? bill : null };
    const worker = new Worker(new URL('./collabTypistsBoot.mjs', import.meta.url), { workerData: job });
    const ready = new Promise<void>((resolve, reject) => worker.once('error', reject).on('message', (m: TypistsReport) => {
      if ('ready' in m) resolve();
      else if ('times' in m) for (const [key, t] of m.times) sendTimes.set(key, t);
    }));
    sentBy.push(new Promise((resolve) => worker.on('message', (m: TypistsReport) => 'done' in m && resolve(m.sent))));
    workers.push(worker);
    await ready; // one after the other: for the stock server, the first brings the bill
  }

  // Observers: raw sockets that sync once, then count (and ten of them time) every update.
  const arrivals: [string, number][] = [];
  const received: number[] = [];
  const observers: WebSocket[] = [];
  const query = new URLSearchParams(params).toString();
  for (let i = 0; i < clients - typists; i++) {
    const ws = new WebSocket(`${wsBase}/${room}${query ? `?${query}` : ''}`);
    const index = i;
    received[index] = 0;
    let counting = false;
    ws.on('message', (data: Buffer) => {
      const dec = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(dec) !== 0) return;
      const sub = decoding.readVarUint(dec);
      if (sub === 1) counting = true;
      if (sub !== 2 || !counting) return;
      received[index] = (received[index] ?? 0) + 1;
      if (index < 10) {
        const update = decoding.readVarUint8Array(dec);
        const now = performance.timeOrigin + performance.now();
        for (const s of Y.decodeUpdate(update).structs) arrivals.push([`${s.id.client}:${s.id.clock}`, now]);
      }
    });
    await new Promise((r) => ws.once('open', r));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    ws.send(encoding.toUint8Array(e));
    observers.push(ws);
  }
  await new Promise((r) => setTimeout(r, 2000));

  const before = procUsage(pid);
  let rssMax = before.rssMB;
  const start = performance.now();
  for (const w of workers) w.postMessage({ seconds });
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, procUsage(pid).rssMB)), 250);
  const sent = (await Promise.all(sentBy)).reduce((a, b) => a + b, 0);
  const elapsed = (performance.now() - start) / 1000;
  const after = procUsage(pid);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 3000)); // drain
  const expected = sent * observers.length;
  const got = received.reduce((a, b) => a + b, 0);
  const latencies = arrivals.flatMap(([key, at]) => {
    const t = sendTimes.get(key);
    return t === undefined ? [] : [at - t];
  });
  const late = latencies.filter((l) => l > 1000).length;
  clearInterval(peakSampler);
  for (const ws of observers) ws.close();
  await Promise.all(workers.map((w) => w.terminate()));
  await stop();
  return {
    server: kind, clients, typists, seconds: Math.round(elapsed), sent, expected, received: got, lost: Math.max(0, expected - got), late,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.reduce((a, b) => Math.max(a, b), 0),
    cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100, rssMB: rssMax, rssPeakMB: Math.max(rssPeak, rssMax),
  };
}

/** Runs the same load against Puente, then the stock server, and prints both with the ratios. */
export async function compareCollab(bill: BilingualContent, clients: number, typists: number, seconds: number, log: (line: string) => void): Promise<CollabComparison> {
  const puente = await benchCollab('puente', bill, clients, typists, seconds);
  const stock = await benchCollab('stock', bill, clients, typists, seconds);
  const ratios = { p50: puente.p50 / stock.p50, p99: puente.p99 / stock.p99, cpu: puente.cpuPercent / stock.cpuPercent, rss: puente.rssMB / stock.rssMB };
  log(`\nCollaboration: ${clients} clients, ${typists} typing 3 keys/s for ${seconds} s`);
  log('server   sent   received/expected  lost  late  p50       p99       cpu    rss (peak)');
  for (const r of [puente, stock]) {
    log(`${r.server.padEnd(8)} ${String(r.sent).padEnd(6)} ${`${r.received}/${r.expected}`.padEnd(18)} ${String(r.lost).padEnd(5)} ${String(r.late).padEnd(5)} ${ms(r.p50).padEnd(9)} ${ms(r.p99).padEnd(9)} ${`${r.cpuPercent.toFixed(0)}%`.padEnd(6)} ${r.rssMB.toFixed(0)} MB (${r.rssPeakMB.toFixed(0)} MB)`);
  }
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  log(`puente/stock: p50 ${ratios.p50.toFixed(2)}, p99 ${ratios.p99.toFixed(2)} (target ≤ 1.0 and ≤ 10 ms: ${mark(ratios.p99 <= 1 && puente.p99 <= 10)}), cpu ${ratios.cpu.toFixed(2)}, rss ${ratios.rss.toFixed(2)} (target ≤ 1.5: ${mark(ratios.rss <= 1.5)})`);
  return { puente, stock, ratios };
}
