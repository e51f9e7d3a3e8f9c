import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { CloseCode } from '../../client/shared/collab/closeCodes';

describe('bad input', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let email: string;
  let docId: string;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: 4096, maxMessageBytes: 64 * 1024 });
    const created = await createUser(server, 'admin', { email: 'admin@example.org' });
    token = created.token;
    email = created.user.email;
    docId = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', {})).body.id;
  });
  afterAll(() => server.close());

  it('answers a malformed JSON body with 400 and a localized message', async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Accept-Language': 'es-MX,es;q=0.9' },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_json', message: 'El cuerpo de la solicitud no es JSON válido.' } });
  });

  it('answers an oversized body with 413', async () => {
    const res = await apiCall<{ error: { code: string } }>(server, token, 'POST', '/api/documents', { title: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });

  it('answers an unknown document with 404', async () => {
    const res = await apiCall<{ error: { code: string; message: string } }>(server, token, 'GET', '/api/documents/0b7c1f52-5f0e-4a49-9d7e-2b0e8d1c0f00');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('document_not_found');
    expect((await apiCall(server, token, 'GET', '/api/documents/%E0%A4%A/content')).status).toBe(400);
  });

  it('answers a wrong password with 401 and no token', async () => {
    const res = await apiCall<Record<string, unknown>>(server, null, 'POST', '/api/session', { email, password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'The email or password is wrong.' } });
    expect((await apiCall(server, null, 'GET', '/api/documents')).status).toBe(401);
  });

  it('answers an invalid title with 400 naming the field', async () => {
    const res = await apiCall<{ error: { code: string; message: string } }>(server, token, 'POST', '/api/documents', { title: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The field “title” is missing or not valid.');
  });

  it('closes a socket that sends garbage and keeps serving everyone else', async () => {
    const honest = connectClient(server.url, docId, token);
    const peer = connectClient(server.url, docId, token);
    await Promise.all([honest.synced(), peer.synced()]);
    const garbage: Buffer[] = [
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]), // varint overflow
      Buffer.from([0, 2, 200, 1, 1, 2, 3]), // update whose length runs past the end
      Buffer.from([0, 2, 5, 1, 1, 1, 1, 1]), // an update that is not a Yjs update
      Buffer.from([1, 3, 1, 5, 1, 2, 123, 125]), // awareness update with a truncated state
      Buffer.from([9, 9, 9]), // unknown message type
    ];
    for (const bytes of garbage) {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
      await new Promise((r) => ws.once('open', r));
      ws.send(bytes);
      const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)));
      expect(code).toBe(CloseCode.ProtocolError);
    }
    const text = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    await new Promise((r) => text.once('open', r));
    text.send('hello');
    expect(await new Promise<number>((r) => text.once('close', (c) => r(c)))).toBe(CloseCode.ProtocolError);

    const huge = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
    await new Promise((r) => huge.once('open', r));
    huge.send(Buffer.alloc(100 * 1024, 1));
    expect(await new Promise<number>((r) => huge.once('close', (c) => r(c)))).toBe(CloseCode.TooLarge);

    typeText(honest.doc, 'en', 'Still here.');
    await honest.allAcked();
    await eventually(() => provisionText(peer.doc, 'en').toString() === 'Still here.', 'peer receives');
    expect((await apiCall<{ ok: boolean }>(server, null, 'GET', '/healthz')).body).toEqual({ ok: true });
    honest.destroy();
    peer.destroy();
  });
});
