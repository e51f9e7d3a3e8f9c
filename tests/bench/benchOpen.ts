import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { chromium } from '@playwright/test';
import { writeBilingualContent, type BilingualContent } from '../../client/shared/bill/yBill';
import { blockFragment, visibleBlocks } from '../../client/shared/layout';
import { loadConfig } from '../../server/config';
import { createServices } from '../../server/services';
import { spawnServer } from '../helpers/spawnServer';
import { prng } from '../helpers/prng';
import { prepareData } from './prepareData';
import { summary, timeRuns } from './stats';

/** Applies `count` single-character edits (80 % insertions, 20 % deletions) spread over the bill. */
export function editHistory(bill: BilingualContent, count: number): { update: Uint8Array; state: Uint8Array } {
  const doc = new Y.Doc();
  writeBilingualContent(doc, bill);
  const before = Y.encodeStateVector(doc);
  const texts: Y.XmlText[] = [];
  for (const lang of ['en', 'es'] as const) {
    for (const block of visibleBlocks(doc)) {
      for (const p of blockFragment(doc, block.id, lang)?.toArray() ?? []) {
        const t = p instanceof Y.XmlElement ? p.get(0) : null;
        if (t instanceof Y.XmlText) texts.push(t);
      }
    }
  }
  const rand = prng(7);
  for (let i = 0; i < count; i++) {
    const t = texts[Math.floor(rand() * texts.length)] as Y.XmlText;
    const at = Math.floor(rand() * t.length);
    if (rand() < 0.8 || t.length < 2) t.insert(at, 'e');
    else t.delete(at, 1);
  }
  const update = Y.encodeStateAsUpdate(doc, before);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, state };
}

/** Opening a 200-page bill after many edits: bytes, server load time, Node client sync time, browser time to editable. */
export async function benchOpen(bill: BilingualContent, edits: number, browserRuns = 3) {
  const t0 = performance.now();
  const { update, state } = editHistory(bill, edits);
  const historyMs = performance.now() - t0;
  const data = await prepareData([bill], [update]);
  const docId = data.docIds[0] as string;

  // Server-side load from SQLite, in process.
  const services = createServices(loadConfig({}, { dataDir: data.dataDir, unloadGraceMs: 0 }), () => undefined);
  const load = await timeRuns(5, () => {
    const room = services.rooms.open(docId);
    room.destroy();
    services.rooms.closeAll();
  });
  services.db.close();

  const proc = await spawnServer(data.dataDir);
  const res = await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) });
  const token = ((await res.json()) as { token: string }).token;
  let bytes = 0;
  const sync = await timeRuns(5, async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(proc.url.replace(/^http/, 'ws') + '/collab', docId, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token } });
    provider.on('status', () => {
      provider.ws?.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as ArrayBuffer;
        if (d.byteLength > bytes) bytes = d.byteLength;
      });
    });
    await new Promise<void>((r) => provider.once('sync', () => r()));
    provider.destroy();
    doc.destroy();
  });

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const editable: number[] = [];
  for (let i = 0; i < browserRuns; i++) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'puente_session', value: token, url: proc.url }]);
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${proc.url}/documents/${docId}`);
    const last = `s-${(bill.en.content ?? []).filter((n) => n.type === 'section').length - 1}`;
    // Every row is on the page (drawn statically far down), and the first section's English editor takes a key.
    await page.locator(`[data-testid="row-${last}"]`).waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('.ProseMirror[data-testid="editor-en"] .provision').first().click();
    await page.keyboard.type('x');
    editable.push(Date.now() - start);
    await context.close();
  }
  await browser.close();
  await proc.kill('SIGTERM');
  return { edits, historyMs, stateBytes: state.byteLength, firstMessageBytes: bytes, serverLoad: summary(load), nodeSync: summary(sync), browserEditable: summary(editable) };
}
