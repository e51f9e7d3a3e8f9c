import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../client/shared/collab/closeCodes';
import { emptyBill } from '../../client/shared/bill/emptyBill';
import { visibleBlocks } from '../../client/shared/layout';
import { spawnServer } from '../helpers/spawnServer';
import { connectClient, type TestClient } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { prng } from '../helpers/prng';
import { generateBill } from './generateBill';
import { prepareData } from './prepareData';
import { percentile, procUsage } from './stats';
import { watchHealth } from './watchHealth';
import { fuzzFrame, fuzzSeeds, probeFrame, sentAsUpdate, wholeDocumentRequest } from './fuzzFrames';

// `npm run soak`: typists, joiners and leavers, hostile frames and slow consumers together against
// the built server on loopback, for SOAK_SECONDS (default 600; SOAK_QUICK=1: 60), then a report in
// results/soak-latest.json (soak-quick.json for a quick run). Not run by CI.
const quick = process.env.SOAK_QUICK === '1';
const SECONDS = Math.min(3600, Number(process.env.SOAK_SECONDS ?? (quick ? 60 : 600)));
const TYPISTS = quick ? 5 : 10;
const OBSERVERS = quick ? 5 : 10;
const MAX_JOINERS = quick ? 4 : 8;
const here = path.dirname(fileURLToPath(import.meta.url));
const rand = prng(20261202);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = performance.now() + SECONDS * 1000;
const running = () => performance.now() < until;

const data = await prepareData([generateBill(50), generateBill(200), ...Array.from({ length: 6 }, (_, i) => emptyBill({ en: `Soak ${i}`, es: `Prueba ${i}` }))]);
// A smaller send limit than the default, so that a slow consumer of the 200-page bill passes it soon.
const proc = await spawnServer(data.dataDir, { PUENTE_UNLOAD_GRACE_MS: '5000', PUENTE_MAX_BUFFERED_BYTES: String(2 * 1024 * 1024) }, { built: true });
if (!/^http:\/\/127\.0\.0\.1:/.test(proc.url)) throw new Error(`the soak runs on loopback only, not ${proc.url}`);
const pid = proc.child.pid as number;
const token = ((await (await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) })).json()) as { token: string }).token;
const [mainDoc, bigDoc, ...smallDocs] = data.docIds as [string, string, ...string[]];
const wsUrl = (docId: string) => `${proc.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}&ack=1`;

// Typists: each types 3 keys a second into its own section of the 50-page bill; observers time every keystroke.
const typists: TestClient[] = Array.from({ length: TYPISTS }, () => connectClient(proc.url, mainDoc, token));
await Promise.all(typists.map((t) => t.synced()));
const sections = visibleBlocks(typists[0]?.doc as Y.Doc).filter((b) => b.kind === 'section').slice(1, TYPISTS + 1).map((b) => b.id);
const sentAt = new Map<string, number>();
typists.forEach((t) => t.doc.on('update', (u: Uint8Array, origin: unknown) => {
  if (origin === t.provider) return;
  for (const s of Y.decodeUpdate(u).structs) sentAt.set(`${s.id.client}:${s.id.clock}`, performance.now());
}));
const latencies: number[] = [];
const observers = Array.from({ length: OBSERVERS }, () => {
  const ws = new WebSocket(wsUrl(mainDoc));
  ws.on('error', () => undefined); // a reset while the server drops a socket is expected here
  ws.on('message', (d: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(d));
    if (decoding.readVarUint(dec) !== MessageType.Sync || decoding.readVarUint(dec) !== 2) return;
    const now = performance.now();
    for (const s of Y.decodeUpdate(decoding.readVarUint8Array(dec)).structs) {
      const t = sentAt.get(`${s.id.client}:${s.id.clock}`);
      if (t !== undefined) latencies.push(now - t);
    }
  });
  return ws;
});
let keys = 0;
const typing = setInterval(() => typists.forEach((t, i) => {
  typeText(t.doc, 'en', 'abcdefghij'[i % 10] as string, sections[i]);
  keys++;
}), 333);

// Joiners and leavers on the small documents (loaded and unloaded as they come and go) and the main one.
const joins = { done: 0, failed: 0, times: [] as number[] };
const joiners = async () => {
  let active = 0;
  while (running()) {
    await sleep(250 + rand() * 500);
    if (active >= MAX_JOINERS) continue;
    active++;
    const docId = rand() < 0.2 ? mainDoc : (smallDocs[Math.floor(rand() * smallDocs.length)] as string);
    void (async () => {
      const c = connectClient(proc.url, docId, token);
      const t0 = performance.now();
      try {
        await Promise.race([c.synced(), sleep(10_000).then(() => Promise.reject(new Error('join timed out')))]);
        joins.times.push(performance.now() - t0);
        if (docId !== mainDoc) typeText(c.doc, rand() < 0.5 ? 'en' : 'es', 'join');
        await sleep(1000 + rand() * 4000);
        await c.allAcked(10_000);
        joins.done++;
      } catch {
        joins.failed++;
      } finally {
        c.destroy();
        active--;
      }
    })();
  }
};

// Hostile frames, 20 a second, on a writer's socket to the main document (reopened when refused).
const hostile = { frames: 0, refused: 0 };
const fuzzer = async () => {
  const seeds = fuzzSeeds(Y.encodeStateAsUpdate(typists[0]?.doc as Y.Doc));
  while (running()) {
    const ws = new WebSocket(wsUrl(mainDoc));
    ws.on('error', () => undefined);
    const closed = new Promise<void>((r) => ws.once('close', () => r()));
    const opened = await new Promise<boolean>((r) => ws.once('message', () => r(true)).once('close', () => r(false)));
    while (opened && ws.readyState === WebSocket.OPEN && running()) {
      const frame = fuzzFrame(rand, seeds);
      ws.send(frame);
      if (sentAsUpdate(frame)) ws.send(probeFrame());
      hostile.frames++;
      await sleep(50);
    }
    if (ws.readyState === WebSocket.OPEN) ws.close();
    else hostile.refused++;
    await closed;
  }
};

// Slow consumers: every 45 s a socket to the 200-page bill stops reading and asks for it four times,
// while a writer there pastes 256 KB and takes it out again twice a second.
const slow = { opened: 0, closed: {} as Record<string, number>, closeMs: [] as number[] };
const paster = connectClient(proc.url, bigDoc, token);
await paster.synced();
const pasteText = 'x'.repeat(256 * 1024);
let pasted = false;
const pasting = setInterval(() => {
  const t = provisionText(paster.doc, 'es');
  if (pasted) t.delete(0, pasteText.length);
  else t.insert(0, pasteText);
  pasted = !pasted;
}, 500);
// A paused socket never sees its close: the server's log says when it closed one as too slow.
let slowClosedAt: (() => void) | null = null;
proc.child.stdout?.on('data', (d: Buffer) => {
  if (d.toString().includes('too slow')) slowClosedAt?.();
});
const slowConsumers = async () => {
  while (running()) {
    const ws = new WebSocket(wsUrl(bigDoc));
    ws.on('error', () => undefined);
    slow.opened++;
    await new Promise((r) => ws.once('message', r));
    ws.pause();
    const t0 = performance.now();
    const request = wholeDocumentRequest();
    const closedByServer = new Promise<boolean>((r) => {
      slowClosedAt = () => r(true);
      void sleep(40_000).then(() => r(false));
    });
    for (let i = 0; i < 4; i++) ws.send(request);
    const closed = await closedByServer;
    slowClosedAt = null;
    if (closed) slow.closeMs.push(performance.now() - t0);
    // Reading again, it gets what was sent before the close, then the close (or the drop, after a second).
    const seen = new Promise<number>((r) => ws.once('close', (c) => r(c)));
    ws.resume();
    if (!closed) ws.close();
    const code = await seen;
    const outcome = closed ? String(code) : 'not closed in 40 s';
    slow.closed[outcome] = (slow.closed[outcome] ?? 0) + 1;
    await sleep(45_000 - (performance.now() - t0));
  }
};

const stopHealth = watchHealth(proc.url, 20);
const rss: { t: number; mb: number }[] = [];
const cpu0 = procUsage(pid).cpuSeconds;
const t0 = performance.now();
const memory = setInterval(() => rss.push({ t: Math.round((performance.now() - t0) / 1000), mb: Math.round(procUsage(pid).rssMB) }), 5000);
console.log(`soak: ${SECONDS} s against ${proc.url} (pid ${pid}): ${TYPISTS} typists, ${OBSERVERS} observers, up to ${MAX_JOINERS} joiners, a fuzzer, slow consumers`);
await Promise.all([joiners(), fuzzer(), slowConsumers()]);
clearInterval(typing);
clearInterval(pasting);
const cpuPercent = ((procUsage(pid).cpuSeconds - cpu0) / ((performance.now() - t0) / 1000)) * 100;
await Promise.all(typists.map((t) => t.allAcked(20_000).catch(() => undefined)));
await sleep(3000);
const health = await stopHealth();

// Lost updates: every keystroke of every typist in a fresh copy of the main document.
const check = connectClient(proc.url, mainDoc, token);
await check.synced();
let lost = 0;
typists.forEach((t, i) => {
  const mine = provisionText(t.doc, 'en', sections[i]).toString();
  const server = provisionText(check.doc, 'en', sections[i]).toString();
  lost += Math.max(0, mine.length - server.length) + (server === mine ? 0 : 1);
});
check.destroy();
for (const ws of observers) ws.close();
typists.forEach((t) => t.destroy());
paster.destroy();
await sleep(8000); // the grace period: every document unloads
const rssEnd = procUsage(pid).rssMB;
clearInterval(memory);
await proc.kill('SIGTERM');

const mbs = rss.map((s) => s.mb);
const report = {
  date: new Date().toISOString(), seconds: SECONDS, quick,
  load: { typists: TYPISTS, observers: OBSERVERS, maxJoiners: MAX_JOINERS, keystrokes: keys },
  stalls: { healthzMaxMs: Math.round(health.maxMs), polls: health.polls, over100Ms: health.over100Ms, over1s: health.over1s },
  latency: { samples: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.reduce((a, b) => Math.max(a, b), 0) },
  lostUpdates: lost,
  joins: { done: joins.done, failed: joins.failed, p50: percentile(joins.times, 50), p99: percentile(joins.times, 99) },
  hostile,
  slowConsumers: { ...slow, closeMsMax: slow.closeMs.length ? Math.max(...slow.closeMs) : null },
  memory: { rssStartMB: mbs[0], rssMaxMB: Math.max(...mbs), rssLastUnderLoadMB: mbs[mbs.length - 1], rssAfterUnloadMB: Math.round(rssEnd), samples: rss },
  cpuPercent,
};
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', quick ? 'soak-quick.json' : 'soak-latest.json');
fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
const { samples: _samples, ...memorySummary } = report.memory;
console.log(JSON.stringify({ ...report, memory: memorySummary }, null, 2));
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
process.exit(0);
