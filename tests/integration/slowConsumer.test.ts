import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { createUser, startTestServer } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { generateBill } from '../bench/generateBill';
import { wholeDocumentRequest } from '../bench/fuzzFrames';
import { createDocument } from '../../server/documents/createDocument';
import { CloseCode } from '../../client/shared/collab/closeCodes';
import type { TrackedConnection } from '../../server/collab/ConnectionRegistry';

const LIMIT = 256 * 1024;

describe('a socket that stops reading', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let docId: string;
  let stateBytes: number;
  beforeAll(async () => {
    server = await startTestServer({ maxBufferedBytes: LIMIT, messageRate: 10_000, messageBurst: 10_000 });
    const admin = await createUser(server, 'admin');
    token = admin.token;
    const doc = createDocument(server.services, admin.user, {
      kind: 'model', docType: 'act', templateId: null, title: { en: 'Slow', es: 'Lento' }, jurisdiction: null, modelId: null, modelVersion: null, content: generateBill(40),
    });
    docId = doc.id;
    stateBytes = server.services.updates.load(docId).updates.reduce((n, u) => n + u.byteLength, 0);
  });
  afterAll(() => server.close());

  const serverSide = (before: Set<TrackedConnection>) => [...server.services.connections].find((c) => !before.has(c) && c.docId === docId);

  it('is closed with 4500 once its unsent data passes the limit, while the others type and lose nothing', async () => {
    const writer = connectClient(server.url, docId, token);
    const reader = connectClient(server.url, docId, token);
    await Promise.all([writer.synced(), reader.synced()]);

    const before = new Set(server.services.connections);
    const hostile = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    await new Promise((r) => hostile.once('message', r)); // the server's greeting: the socket is in the room
    const conn = serverSide(before);
    expect(conn).toBeDefined();
    const closed = new Promise<number>((r) => hostile.once('close', (code) => r(code)));

    // Stop reading, then ask for the whole document 400 times (about 100 MB of answers unbounded).
    hostile.pause();
    const request = wholeDocumentRequest();
    for (let i = 0; i < 400; i++) hostile.send(request);
    let maxBuffered = 0;
    const sampler = setInterval(() => (maxBuffered = Math.max(maxBuffered, conn?.ws.bufferedAmount ?? 0)), 2);
    let typed = provisionText(writer.doc, 'en').toString();
    for (let i = 0; i < 20; i++) {
      typeText(writer.doc, 'en', 'ab');
      typed += 'ab';
      await new Promise((r) => setTimeout(r, 10));
    }
    await eventually(() => conn?.ws.readyState !== WebSocket.OPEN, 'the server to close the slow socket', 10_000);
    clearInterval(sampler);
    hostile.resume(); // it reads what was sent before the close, then the close frame
    expect(await closed).toBe(CloseCode.SlowConsumer);
    // Bounded: never more than the limit plus the one message that found it passed.
    expect(maxBuffered).toBeLessThanOrEqual(LIMIT + stateBytes + 64);

    await writer.allAcked();
    await eventually(() => provisionText(reader.doc, 'en').toString() === typed, 'the reader to have every keystroke');
    expect(provisionText(server.services.rooms.get(docId)?.ydoc as Y.Doc, 'en').toString()).toBe(typed);
    await eventually(() => ![...server.services.connections].includes(conn as TrackedConnection), 'the slow socket to be gone');
    writer.destroy();
    reader.destroy();
  }, 30_000);

  it('reconnects and resyncs after a 4500, losing nothing typed meanwhile', async () => {
    const before = new Set(server.services.connections);
    const slow = connectClient(server.url, docId, token);
    const other = connectClient(server.url, docId, token);
    await Promise.all([slow.synced(), other.synced()]);
    const conn = [...server.services.connections].find((c) => !before.has(c));
    expect(conn).toBeDefined();
    const start = provisionText(other.doc, 'en').toString();
    conn?.ws.close(CloseCode.SlowConsumer, 'too slow');
    expect((await slow.closeEvent()).code).toBe(CloseCode.SlowConsumer);
    typeText(slow.doc, 'en', 'S'); // typed while disconnected
    typeText(other.doc, 'en', 'O');
    await eventually(() => slow.provider.wsconnected && slow.provider.synced, 'the client to reconnect and sync');
    await slow.allAcked();
    await eventually(() => provisionText(other.doc, 'en').toString() === provisionText(slow.doc, 'en').toString(), 'both to converge');
    expect([`${start}SO`, `${start}OS`]).toContain(provisionText(other.doc, 'en').toString());
    slow.destroy();
    other.destroy();
  }, 30_000);
});
