import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { emptyBill } from '../../client/shared/bill/emptyBill';
import { spawnServer } from '../helpers/spawnServer';
import { prepareData } from './prepareData';
import { procUsage } from './stats';

function openRaw(url: string, docId: string, token: string): Promise<WebSocket> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    ws.on('message', (d: Buffer) => {
      if (d[0] === 0 && d[1] === 1) resolve(ws); // the document arrived
    });
    ws.once('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      ws.send(encoding.toUint8Array(e));
    });
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens and closes `count` documents in turn, then holds `big` copies of the 200-page bill open. */
export async function benchMemory(bill: BilingualContent, count = 1000, big = 10) {
  const contents = [...Array.from({ length: count }, (_, i) => emptyBill({ en: `Doc ${i}`, es: `Doc ${i}` })), ...Array.from({ length: big }, () => bill)];
  const data = await prepareData(contents);
  const proc = await spawnServer(data.dataDir, { PUENTE_UNLOAD_GRACE_MS: '0' });
  const pid = proc.child.pid as number;
  const res = await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) });
  const token = ((await res.json()) as { token: string }).token;
  const cycle = async () => {
    for (let i = 0; i < count; i++) {
      const ws = await openRaw(proc.url, data.docIds[i] as string, token);
      ws.close();
    }
    await settle(3000);
  };
  // A first pass warms the code paths, the heap and SQLite's cache; a leak shows as growth over the second.
  const cold = procUsage(pid).rssMB;
  await cycle();
  const start = procUsage(pid).rssMB;
  await cycle();
  const afterCycle = procUsage(pid).rssMB;
  const base = procUsage(pid).rssMB;
  const open: WebSocket[] = [];
  for (let i = 0; i < big; i++) open.push(await openRaw(proc.url, data.docIds[count + i] as string, token));
  await settle(1000);
  const withBig = procUsage(pid).rssMB;
  open.forEach((w) => w.close());
  await proc.kill('SIGTERM');
  return { documents: count, rssColdMB: cold, rssStartMB: start, rssAfterMB: afterCycle, growthPercent: ((afterCycle - start) / start) * 100, perOpen200PageDocMB: (withBig - base) / big };
}
