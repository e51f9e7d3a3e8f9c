// A worker thread of the collaboration benchmark: some of the typists, each a real y-websocket client
// with a full copy of the bill, so that their work is not done on the thread that times arrivals.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { writeBilingualContent, type BilingualContent } from '../../client/shared/bill/yBill';
import { blockFragment, visibleBlocks } from '../../client/shared/layout';
import { MessageType } from '../../client/shared/collab/closeCodes';

/** What the main thread tells a typists' worker. */
export interface TypistsJob {
  wsBase: string;
  room: string;
  params: Record<string, string>;
  /** Typists of this worker: indexes first … first + count - 1 of `total`. */
  first: number;
  count: number;
  total: number;
  /** The bill, for the first typist to bring to a server that keeps nothing (the stock one). */
  bring: BilingualContent | null;
}

/** What a typists' worker reports: ready, keystroke times (epoch ms by struct id), and how many it sent. */
export type TypistsReport = { ready: true } | { times: [string, number][] } | { done: true; sent: number };

/** The first text of the first provision of each of the first `n` sections, in English. */
function xmlTexts(doc: Y.Doc, n: number): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const block of visibleBlocks(doc)) {
    if (block.kind !== 'section') continue;
    const provision = blockFragment(doc, block.id, 'en')?.get(1);
    const t = provision instanceof Y.XmlElement ? provision.get(0) : null;
    if (t instanceof Y.XmlText) out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

const job = workerData as TypistsJob;
const now = () => performance.timeOrigin + performance.now();
const port = parentPort;
if (!port) throw new Error('collabTypists runs in a worker thread');
const post = (m: TypistsReport) => port.postMessage(m);

const typists: { doc: Y.Doc; provider: WebsocketProvider }[] = [];
const synced = (p: WebsocketProvider) => (p.synced ? Promise.resolve() : new Promise<void>((r) => p.once('sync', () => r())));
for (let i = 0; i < job.count; i++) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(job.wsBase, job.room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: job.params });
  provider.messageHandlers[MessageType.Ack] = () => undefined; // Puente's acknowledgements, as its own client asks for
  typists.push({ doc, provider });
  if (i === 0 && job.bring) {
    await synced(provider);
    writeBilingualContent(doc, job.bring);
  }
}
await Promise.all(typists.map((t) => synced(t.provider)));
let times: [string, number][] = [];
for (const t of typists) {
  t.doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === t.provider) return;
    const at = now();
    for (const s of Y.decodeUpdate(u).structs) times.push([`${s.id.client}:${s.id.clock}`, at]);
  });
}
const flushTimes = () => {
  if (times.length) post({ times });
  times = [];
};
post({ ready: true });

port.once('message', (m: { seconds: number }) => {
  const texts = typists.map((t, i) => xmlTexts(t.doc, job.total)[job.first + i] as Y.XmlText);
  let sent = 0;
  const intervals: NodeJS.Timeout[] = [];
  const starts = texts.map((text, i) => setTimeout(() => {
    intervals.push(setInterval(() => {
      text.insert(text.length, 'x');
      sent++;
    }, 1000 / 3));
  }, ((job.first + i) * 333) / job.total));
  const reporting = setInterval(flushTimes, 250);
  setTimeout(() => {
    starts.forEach(clearTimeout);
    intervals.forEach(clearInterval);
    clearInterval(reporting);
    flushTimes();
    // Stay connected while the last updates drain; the main thread ends the worker.
    post({ done: true, sent });
  }, m.seconds * 1000);
});
