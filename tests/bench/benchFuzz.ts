import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { MessageType } from '../../client/shared/collab/closeCodes';
import { spawnServer } from '../helpers/spawnServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { fuzzFrame, fuzzSeeds, probeFrame, sentAsUpdate } from './fuzzFrames';
import { prng } from '../helpers/prng';
import { prepareData } from './prepareData';
import { watchHealth } from './watchHealth';

/** What the fuzz run measured. */
export interface FuzzResult {
  frames: number;
  refused: number;
  sockets: number;
  seconds: number;
  /** Longest wait for a /healthz answer while the frames were being sent. */
  healthMaxMs: number;
  healthPolls: number;
  /** Keystrokes an honest writer typed meanwhile, and how many a reader lacked at the end. */
  typed: number;
  lost: number;
}

/**
 * `frames` hostile frames (seeded) on `sockets` sockets at once against the 200-page bill, each
 * followed by an empty update whose acknowledgement (or the socket closing) shows it was handled;
 * a refused frame's socket is reopened. Meanwhile /healthz is polled every 5 ms and an honest
 * writer types; a reader must end with every keystroke.
 */
export async function benchFuzz(bill: BilingualContent, frames = 10_000, sockets = 4, seed = 20261201): Promise<FuzzResult> {
  const data = await prepareData([bill]);
  const proc = await spawnServer(data.dataDir, { PUENTE_MESSAGE_RATE: '100000', PUENTE_MESSAGE_BURST: '100000' }, { built: true });
  const res = await fetch(`${proc.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: data.email, password: data.password }) });
  const token = ((await res.json()) as { token: string }).token;
  const docId = data.docIds[0] as string;
  const writer = connectClient(proc.url, docId, token);
  const reader = connectClient(proc.url, docId, token);
  await Promise.all([writer.synced(), reader.synced()]);
  const seeds = fuzzSeeds(Y.encodeStateAsUpdate(writer.doc));
  const probe = probeFrame();
  const url = `${proc.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}&ack=1`;
  const rand = prng(seed);

  let sent = 0;
  let refused = 0;
  const fuzzer = async () => {
    let ws: WebSocket | null = null;
    // The server acknowledges with how many updates it received on the socket: the probe's
    // acknowledgement is the first to count it (a frame the server reads as an update counts too).
    let counted = 0;
    let acked = 0;
    let settle: ((closed: boolean) => void) | null = null;
    while (sent < frames) {
      if (!ws) {
        const socket = new WebSocket(url);
        await new Promise<void>((resolve, reject) => socket.once('message', () => resolve()).once('error', reject));
        counted = 0;
        acked = 0;
        socket.on('message', (d: Buffer) => {
          const dec = decoding.createDecoder(new Uint8Array(d));
          if (decoding.readVarUint(dec) !== MessageType.Ack) return;
          acked = decoding.readVarUint(dec);
          if (acked >= counted) settle?.(false);
        });
        socket.once('close', () => settle?.(true));
        ws = socket;
      }
      const frame = fuzzFrame(rand, seeds);
      counted += sentAsUpdate(frame) ? 2 : 1;
      const outcome = new Promise<boolean>((resolve) => (settle = resolve));
      sent++;
      ws.send(frame);
      ws.send(probe);
      if (await outcome) {
        refused++;
        ws = null;
      }
    }
    ws?.close();
  };

  const stopPolling = watchHealth(proc.url);
  const start = performance.now();
  let typed = provisionText(writer.doc, 'en').toString();
  let keys = 0;
  const typing = setInterval(() => {
    typeText(writer.doc, 'en', 'k');
    typed += 'k';
    keys++;
  }, 100);
  await Promise.all(Array.from({ length: sockets }, fuzzer));
  clearInterval(typing);
  const seconds = (performance.now() - start) / 1000;
  const health = await stopPolling();
  await writer.allAcked(10_000);
  let lost = 0;
  try {
    await eventually(() => provisionText(reader.doc, 'en').toString() === typed, 'the reader to have every keystroke', 10_000);
  } catch {
    lost = Math.max(1, typed.length - provisionText(reader.doc, 'en').toString().length);
  }
  writer.destroy();
  reader.destroy();
  await proc.kill('SIGTERM');
  return { frames: sent, refused, sockets, seconds, healthMaxMs: health.maxMs, healthPolls: health.polls, typed: keys, lost };
}
