import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';

const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');

interface Thread { id: string; quote: string; currentQuote: string | null; orphaned: boolean; resolved: boolean; comments: { body: string; author: { name: string } }[] }

describe('comments', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  it('keep their anchor on the passage through concurrent insertions before, inside and after it', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const a = connectClient(server.url, doc, admin);
    const b = connectClient(server.url, doc, admin);
    await Promise.all([a.synced(), b.synced()]);
    typeText(a.doc, 'en', 'Property is subject to forfeiture upon notice.');
    await a.allAcked();
    await eventually(() => provisionText(b.doc, 'en').toString().length > 0, 'b synced');

    // A reviewer anchors a comment on "subject to forfeiture" (from their own copy of the document).
    const { token: reviewer } = await createUser(server, 'reviewer', { name: 'Rita Reviewer' });
    const r = connectClient(server.url, doc, reviewer);
    await r.synced();
    const t = provisionText(r.doc, 'en');
    const from = t.toString().indexOf('subject');
    const to = from + 'subject to forfeiture'.length;
    const created = await apiCall<{ id: string }>(server, reviewer, 'POST', `/api/documents/${doc}/comments`, {
      lang: 'en', anchorStart: b64(Y.createRelativePositionFromTypeIndex(t, from)), anchorEnd: b64(Y.createRelativePositionFromTypeIndex(t, to, -1)), quote: 'subject to forfeiture', body: '¿Debe decir «extinción de dominio»?',
    });
    expect(created.status).toBe(201);
    // The reviewer's text edits are dropped all the same.
    typeText(r.doc, 'en', ' REVIEWER TEXT');
    await r.allAcked();

    // Concurrent edits before, inside and after the passage.
    provisionText(a.doc, 'en').insert(0, 'All ');
    const bt = provisionText(b.doc, 'en');
    bt.insert(bt.toString().indexOf('to forfeiture'), 'civil ');
    bt.insert(bt.length, ' Amen.');
    await Promise.all([a.allAcked(), b.allAcked()]);
    await eventually(() => provisionText(a.doc, 'en').toString() === provisionText(b.doc, 'en').toString(), 'converged');

    const threads = (await apiCall<Thread[]>(server, admin, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ quote: 'subject to forfeiture', currentQuote: 'subject civil to forfeiture', orphaned: false, resolved: false });
    expect(threads[0]?.comments).toEqual([{ id: expect.any(String), body: '¿Debe decir «extinción de dominio»?', author: { id: expect.any(String), name: 'Rita Reviewer' }, createdAt: expect.any(String), mentions: [] }]);
    expect(provisionText(a.doc, 'en').toString()).toBe('All Property is subject civil to forfeiture upon notice. Amen.');

    // Replies, resolve and reopen.
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments/${created.body.id}/replies`, { body: 'Sí: se corrige.' })).status).toBe(201);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments/${created.body.id}/resolve`, { resolved: true })).status).toBe(200);
    let again = (await apiCall<Thread[]>(server, reviewer, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(again[0]?.resolved).toBe(true);
    expect(again[0]?.comments.map((c) => c.body)).toEqual(['¿Debe decir «extinción de dominio»?', 'Sí: se corrige.']);
    await apiCall(server, reviewer, 'POST', `/api/documents/${doc}/comments/${created.body.id}/resolve`, { resolved: false });
    again = (await apiCall<Thread[]>(server, reviewer, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(again[0]?.resolved).toBe(false);

    // Deleting the passage orphans the thread rather than losing it.
    const at = provisionText(a.doc, 'en');
    at.delete(0, at.length);
    await a.allAcked();
    again = (await apiCall<Thread[]>(server, reviewer, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(again[0]).toMatchObject({ orphaned: true, quote: 'subject to forfeiture' });
    for (const c of [a, b, r]) c.destroy();
  });

  it('refuses malformed comments', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const bad = await apiCall<{ error: { code: string; message: string } }>(server, admin, 'POST', `/api/documents/${doc}/comments`, { lang: 'en', anchorStart: '!!', anchorEnd: '!!', body: 'x' });
    expect(bad.status).toBe(400);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments`, { lang: 'fr', anchorStart: '', anchorEnd: '', body: 'x' })).status).toBe(400);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments/nope/replies`, { body: 'x' })).status).toBe(404);
  });
});
