import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { apiCall, createUser, emptyTemplatesDir, startTestServer } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { prng } from '../helpers/prng';
import type { BilingualContent } from '../../client/shared/bill/yBill';
import { provisionStrings } from '../helpers/billText';
import { blocksOf } from '../../client/shared/layout';
import { envelope } from '../bench/fuzzFrames';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const TOTAL = 10_000;

/**
 * Valid messages of every kind, made by a scratch client writing what the server does not accept:
 * unknown roots, the legacy whole-document language roots, and blocks that break the layout.
 */
function seedMessages(): Uint8Array[] {
  const scratch = new Y.Doc();
  const out: Uint8Array[] = [];
  scratch.on('update', (u: Uint8Array) => out.push(envelope(0, 2, u)));
  const frag = scratch.getXmlFragment('fuzzroot');
  for (let i = 0; i < 20; i++) {
    const el = new Y.XmlElement(i % 2 ? 'section' : 'script');
    el.setAttribute('sectionId', `f-${i}`);
    el.insert(0, [new Y.XmlText(`fuzz ${i} ñandú`)]);
    frag.insert(0, [el]);
  }
  scratch.transact(() => scratch.getXmlFragment('en').insert(0, frag.toArray().map((el) => (el as Y.XmlElement).clone())));
  scratch.transact(() => {
    const block = new Y.Map<unknown>();
    scratch.getMap('blocks').set('f-block', block);
    block.set('kind', 'section');
    const fragment = new Y.XmlFragment();
    block.set('en', fragment);
    fragment.insert(0, [new Y.XmlElement('script'), new Y.XmlText('loose')]);
    block.set('secret', { deep: true });
  });
  scratch.getArray('order').push([{ not: 'an id' }]);
  scratch.getMap('other').set('k', { deep: [1, 2, 3] });
  out.push(envelope(0, 1, Y.encodeStateAsUpdate(scratch)));
  out.push(envelope(0, 0, Y.encodeStateVector(scratch)));
  const aw = new awarenessProtocol.Awareness(scratch);
  aw.setLocalState({ user: { name: 'x' }, cursor: { anchor: 1 } });
  out.push(envelope(1, null, awarenessProtocol.encodeAwarenessUpdate(aw, [scratch.clientID])));
  out.push(new Uint8Array([3]));
  // Known bad inputs from Yjs's issue tracker: bytes that once hung applyUpdate (yjs#479), and an
  // update with its delete set cut short, which Yjs half-applies before throwing.
  out.push(envelope(0, 2, new Uint8Array(Buffer.from('garbagedoc', 'base64'))));
  const honest = new Y.Doc();
  honest.getMap('meta').set('note', new Y.Text('abc'));
  (honest.getMap('meta').get('note') as Y.Text).delete(0, 1);
  const full = Y.encodeStateAsUpdate(honest);
  out.push(envelope(0, 2, full.slice(0, full.length - 1)));
  return out;
}

function mutate(rand: () => number, seeds: Uint8Array[]): Uint8Array {
  const base = seeds[Math.floor(rand() * seeds.length)] as Uint8Array;
  const pick = rand();
  if (pick < 0.2) return base.slice(0, Math.floor(rand() * base.length)); // truncated
  if (pick < 0.45) {
    const copy = base.slice();
    const flips = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(rand() * copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(rand() * 8));
    }
    return copy; // bit-flipped
  }
  if (pick < 0.6) {
    // A huge declared length (varint) in front of a short body.
    return Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...base.slice(0, 16)]);
  }
  if (pick < 0.75) return Uint8Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)); // noise
  if (pick < 0.9) {
    // A valid envelope around a random or spliced payload.
    const body = Uint8Array.from({ length: Math.floor(rand() * 48) }, () => Math.floor(rand() * 256));
    return envelope(0, Math.floor(rand() * 3), body);
  }
  return base; // some valid messages, of the wrong shape: refused
}

describe('a fuzzer on the collaboration socket', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let docId: string;
  beforeAll(async () => {
    server = await startTestServer({ messageBurst: 100_000, messageRate: 100_000, templatesDir: emptyTemplatesDir() });
    ({ token } = await createUser(server, 'admin'));
    docId = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {})).body.id;
  });
  afterAll(() => server.close());

  it(`survives ${TOTAL} random and mutated messages (seed ${SEED}) and keeps exactly the honest text`, async () => {
    const rand = prng(SEED);
    const seeds = seedMessages();
    const honest = connectClient(server.url, docId, token);
    const peer = connectClient(server.url, docId, token);
    await Promise.all([honest.synced(), peer.synced()]);

    const url = `${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`;
    // Each fuzz message is followed by a probe (sync step 1); the server's answer to the probe, or its
    // closing the socket, proves the fuzz message was processed before the next one is sent.
    const probe = envelope(0, 0, Y.encodeStateVector(new Y.Doc()));
    let sent = 0;
    let refused = 0;
    let typed = '';
    let ws: WebSocket | null = null;
    const replies: ((closed: boolean) => void)[] = [];
    while (sent < TOTAL) {
      if (!ws) {
        const socket = new WebSocket(url);
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
        socket.on('message', (data: Buffer) => {
          if (data[0] === 0 && data[1] === 1) replies.shift()?.(false);
        });
        socket.once('close', () => replies.splice(0).forEach((r) => r(true)));
        ws = socket;
      }
      const current = ws;
      const outcome = new Promise<boolean>((resolve) => replies.push(resolve));
      current.send(mutate(rand, seeds));
      current.send(probe);
      sent++;
      if (await outcome) {
        refused++;
        ws = null;
      }
      if (sent % 1000 === 0) {
        const ch = String.fromCharCode(97 + ((sent / 1000) % 26));
        typeText(honest.doc, 'en', ch);
        typed += ch;
      }
    }
    ws?.close();
    expect(sent).toBe(TOTAL);
    expect(refused).toBeGreaterThan(TOTAL / 2);

    await honest.allAcked();
    const started = Date.now();
    const health = await apiCall<{ ok: boolean }>(server, null, 'GET', '/healthz');
    expect(health.body).toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(2000);
    await eventually(() => provisionText(peer.doc, 'en').toString() === typed, 'peer has the honest text');
    const content = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${docId}/content`)).body;
    expect(provisionStrings(content.en)).toEqual([typed]);
    expect(provisionStrings(content.es)).toEqual(['']);
    const shared = server.services.rooms.get(docId)?.ydoc;
    expect(shared?.share.has('fuzzroot')).toBe(false);
    expect(shared?.share.has('en')).toBe(false);
    expect(shared && blocksOf(shared).has('f-block')).toBe(false);
    honest.destroy();
    peer.destroy();
  }, 120_000);
});
