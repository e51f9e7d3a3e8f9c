import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { spawnServer, type ServerProcess } from '../helpers/spawnServer';
import { prepareData } from '../bench/prepareData';
import { generateBill } from '../bench/generateBill';
import { procUsage } from '../bench/stats';
import { wholeDocumentRequest } from '../bench/fuzzFrames';

const DOCUMENTS = 300;
const gcOnSignal = path.join(path.dirname(fileURLToPath(import.meta.url)), '../helpers/gcOnSignal.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a document over a raw socket, waits for the whole of it, and closes the socket. */
function openAndClose(url: string, docId: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    ws.once('open', () => ws.send(wholeDocumentRequest()));
    ws.on('message', (d: Buffer) => {
      if (d[0] === 0 && d[1] === 1) ws.close(); // the sync step 2 ends the answer
    });
    ws.once('close', () => resolve());
    ws.once('error', reject);
  });
}

describe('documents opened and closed', () => {
  let proc: ServerProcess;
  let data: Awaited<ReturnType<typeof prepareData>>;
  let token: string;
  beforeAll(async () => {
    data = await prepareData(Array.from({ length: DOCUMENTS }, () => generateBill(5)));
    // Unloaded as soon as nobody is in them; SIGUSR2 collects garbage, so what is measured is what the server keeps.
    proc = await spawnServer(data.dataDir, { PUENTE_UNLOAD_GRACE_MS: '0' }, { built: true, nodeArgs: ['--expose-gc', '--import', gcOnSignal] });
    const res = await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) });
    token = ((await res.json()) as { token: string }).token;
  }, 60_000);
  afterAll(() => proc?.kill('SIGTERM'));

  const pid = () => proc.child.pid as number;
  const retainedMB = async () => {
    proc.child.kill('SIGUSR2');
    await sleep(1000);
    return procUsage(pid()).rssMB;
  };
  const pass = async () => {
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, procUsage(pid()).rssMB)), 50);
    for (const id of data.docIds) await openAndClose(proc.url, id, token);
    await sleep(500); // every room unloads (grace 0)
    clearInterval(sampler);
    return peak;
  };

  it(`return the server's memory to within 10 % of what it was, ${DOCUMENTS} at a time`, async () => {
    // The first pass warms code, caches and the heap's young generation, and writes each document's first version and snapshot.
    await pass();
    const baseline = await retainedMB();
    const peaks: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < 2; i++) {
      peaks.push(await pass());
      after.push(await retainedMB());
    }
    console.log(`RSS after a first pass ${baseline.toFixed(0)} MB; after two more ${after.map((m) => m.toFixed(0)).join(', ')} MB (peaks ${peaks.map((m) => m.toFixed(0)).join(', ')} MB)`);
    for (const mb of after) expect(mb).toBeLessThanOrEqual(baseline * 1.1);
    for (const mb of peaks) expect(mb).toBeLessThan(baseline + 150);
  }, 60_000);
});
