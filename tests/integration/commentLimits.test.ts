import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface ErrorBody { error: { code: string; message: string } }

const scratch = new Y.Doc();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A real relative position, as the client makes them (tens of bytes). */
const anchor = b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(scratch.getText('t'), 0)));
/** A valid relative position on a root type with a long name, encoding to exactly `bytes` bytes. */
function anchorOfSize(bytes: number): string {
  for (let n = 1; n < 1000; n++) {
    const encoded = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(scratch.getText('x'.repeat(n)), 0));
    if (encoded.length === bytes) return b64(encoded);
  }
  throw new Error(`no anchor of ${bytes} bytes`);
}

const thread = (extra: Record<string, unknown> = {}) => ({ lang: 'en', anchorStart: anchor, anchorEnd: anchor, quote: 'subject to forfeiture', body: '¿Debe decir «extinción de dominio»?', ...extra });

describe('comment limits', () => {
  let server: Server;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ commentsPerMinute: 5, maxThreadsPerDocument: 3, maxRepliesPerThread: 2 });
    admin = (await createUser(server, 'admin')).token;
  });
  afterAll(() => server.close());

  const newDocument = async () => (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
  const stored = (docId: string) => (server.services.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE doc_id = ?').get(docId) as { n: number }).n;
  const reviewer = async () => (await createUser(server, 'reviewer')).token;
  const post = (token: string, docId: string, body: unknown, ui = 'en') => apiCall<ErrorBody & { id: string }>(server, token, 'POST', `/api/documents/${docId}/comments?ui=${ui}`, body);
  const reply = (token: string, docId: string, threadId: string, body: unknown) => apiCall<ErrorBody & { id: string }>(server, token, 'POST', `/api/documents/${docId}/comments/${threadId}/replies`, body);

  it('refuses an anchor with 700 KB of junk after a valid position with 413, and stores nothing', async () => {
    const docId = await newDocument();
    const token = await reviewer();
    const junk = b64(new Uint8Array([...Buffer.from(anchor, 'base64'), ...new Uint8Array(700 * 1024).fill(0x41)]));
    const res = await post(token, docId, thread({ anchorStart: junk }));
    expect(res).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'The comment’s anchor “anchorStart” is larger than 256 bytes.' } } });
    const es = await post(token, docId, thread({ anchorEnd: junk }), 'es');
    expect(es).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'El ancla «anchorEnd» del comentario excede 256 bytes.' } } });
    expect(stored(docId)).toBe(0);
  });

  it('takes an anchor of 256 bytes and refuses one of 257', async () => {
    const docId = await newDocument();
    const token = await reviewer();
    expect((await post(token, docId, thread({ anchorStart: anchorOfSize(256) }))).status).toBe(201);
    const over = await post(token, docId, thread({ anchorEnd: anchorOfSize(257) }));
    expect(over).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'The comment’s anchor “anchorEnd” is larger than 256 bytes.' } } });
    expect(stored(docId)).toBe(1);
  });

  it('takes a body of 10,000 characters and a quote of 2,000, and refuses one more of either with 413', async () => {
    const docId = await newDocument();
    const token = await reviewer();
    const ok = await post(token, docId, thread({ body: 'a'.repeat(10_000), quote: 'q'.repeat(2000) }));
    expect(ok.status).toBe(201);
    const longBody = await post(token, docId, thread({ body: 'a'.repeat(10_001) }));
    expect(longBody).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'The field “body” is longer than 10000 characters.' } } });
    const longQuote = await post(token, docId, thread({ quote: 'q'.repeat(2001) }), 'es');
    expect(longQuote).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'El campo «quote» excede 2000 caracteres.' } } });
    const longReply = await reply(token, docId, ok.body.id, { body: 'r'.repeat(10_001) });
    expect(longReply).toEqual({ status: 413, body: { error: { code: 'field_too_large', message: 'The field “body” is longer than 10000 characters.' } } });
    expect((await post(token, docId, thread({ quote: 42 }))).body.error).toEqual({ code: 'invalid_field', message: 'The field “quote” is missing or not valid.' });
    expect((await post(token, docId, thread({ anchorStart: 42 }))).body.error).toEqual({ code: 'invalid_field', message: 'The field “anchor” is missing or not valid.' });
    expect(stored(docId)).toBe(1);
  });

  it('lets a user post 5 comments a minute (threads and replies alike), refuses the sixth with 429, and leaves others alone', async () => {
    const docId = await newDocument();
    const busy = await reviewer();
    const first = await post(busy, docId, thread());
    expect(first.status).toBe(201);
    const statuses = [
      (await reply(busy, docId, first.body.id, { body: 'uno' })).status,
      (await reply(busy, docId, first.body.id, { body: 'dos' })).status,
      (await post(busy, docId, thread())).status,
      (await post(busy, await newDocument(), thread())).status,
    ];
    expect(statuses).toEqual([201, 201, 201, 201]);
    const sixth = await post(busy, docId, thread({ body: 'one too many' }));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_requests');
    expect(sixth.body.error.message).toMatch(/^You have posted too many comments in a short time\. Try again in (59|60) seconds\.$/);
    const sixthReply = await apiCall<ErrorBody>(server, busy, 'POST', `/api/documents/${docId}/comments/${first.body.id}/replies?ui=es`, { body: 'otra' });
    expect(sixthReply.status).toBe(429);
    expect(sixthReply.body.error.message).toMatch(/^Ha publicado demasiados comentarios en poco tiempo\. Vuelva a intentarlo en (59|60) segundos\.$/);
    expect(stored(docId)).toBe(4);
    // Someone else comments as usual.
    expect((await post(await reviewer(), docId, thread())).status).toBe(201);
  });

  it('holds 3 threads per document and 2 replies per thread, refusing more with 400', async () => {
    const docId = await newDocument();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(await reviewer(), docId, thread({ body: `hilo ${i}` }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const fourth = await post(await reviewer(), docId, thread());
    expect(fourth).toEqual({ status: 400, body: { error: { code: 'too_many_threads', message: 'This document already has 3 comment threads, the most it may hold.' } } });
    const threadId = ids[0] as string;
    expect((await reply(await reviewer(), docId, threadId, { body: 'primera' })).status).toBe(201);
    expect((await reply(await reviewer(), docId, threadId, { body: 'segunda' })).status).toBe(201);
    const third = await apiCall<ErrorBody>(server, await reviewer(), 'POST', `/api/documents/${docId}/comments/${threadId}/replies?ui=es`, { body: 'tercera' });
    expect(third).toEqual({ status: 400, body: { error: { code: 'too_many_replies', message: 'Este hilo ya tiene 2 respuestas, el máximo permitido.' } } });
    expect((await reply(await reviewer(), docId, ids[1] as string, { body: 'en otro hilo' })).status).toBe(201);
    expect(stored(docId)).toBe(6);
    // Another document has room of its own.
    expect((await post(await reviewer(), await newDocument(), thread())).status).toBe(201);
  });
});
