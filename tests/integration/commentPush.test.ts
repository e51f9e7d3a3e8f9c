import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { openEvents } from '../helpers/sseClient';

const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');

interface PushedThread { id: string; sectionId: string | null; unread: number; resolved: boolean; comments: { body: string; author: { name: string }; mentions: { name: string }[] }[] }

describe('comments are pushed to every open client', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  /** An anchor on the first four characters of a section's first provision (the first section's by default), from a real client's copy. */
  async function anchorIn(docId: string, token: string, sectionId?: string) {
    const c = connectClient(server.url, docId, token);
    await c.synced();
    const t = provisionText(c.doc, 'en', sectionId);
    if (t.length === 0) t.insert(0, 'Text to comment on.');
    const anchor = { lang: 'en', anchorStart: b64(Y.createRelativePositionFromTypeIndex(t, 0)), anchorEnd: b64(Y.createRelativePositionFromTypeIndex(t, 4, -1)), quote: t.toString().slice(0, 4) };
    await c.allAcked();
    c.destroy();
    return anchor;
  }

  it('a reviewer’s comment reaches a connected drafter’s client in under 300 ms, naming its section, unread for the drafter only', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const { token: drafter } = await createUser(server, 'drafter', { name: 'Dora Drafter' });
    const { token: reviewer } = await createUser(server, 'reviewer', { name: 'Rita Reviewer' });
    // The drafter has the document open: its text over the socket, its comments over the event stream.
    const live = connectClient(server.url, doc, drafter);
    await live.synced();
    const drafterEvents = await openEvents(server, drafter, `/api/documents/${doc}/events`);
    const reviewerEvents = await openEvents(server, reviewer, `/api/documents/${doc}/events`);
    expect(drafterEvents.status).toBe(200);

    const anchor = await anchorIn(doc, reviewer, 'purpose');
    const pushed = drafterEvents.next('comments');
    const sent = performance.now();
    const created = await apiCall<{ id: string }>(server, reviewer, 'POST', `/api/documents/${doc}/comments`, { ...anchor, body: 'Please align with the Spanish.' });
    expect(created.status).toBe(201);
    const got = await pushed;
    expect(got.at - sent).toBeLessThan(300);
    const thread = (got.data as { thread: PushedThread }).thread;
    expect(thread).toMatchObject({ id: created.body.id, sectionId: 'purpose', unread: 1, resolved: false });
    expect(thread.comments).toEqual([{ id: expect.any(String), body: 'Please align with the Spanish.', author: { id: expect.any(String), name: 'Rita Reviewer' }, createdAt: expect.any(String), mentions: [] }]);
    // Its author has read it.
    expect(((await reviewerEvents.next('comments', 3000, 0)).data as { thread: PushedThread }).thread.unread).toBe(0);

    // A reply is pushed too; the drafter now has two unread comments in the thread, until reading it.
    const replyPushed = drafterEvents.next('comments');
    await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments/${created.body.id}/replies`, { body: 'Done.' });
    expect(((await replyPushed).data as { thread: PushedThread }).thread).toMatchObject({ unread: 2, comments: [{ body: 'Please align with the Spanish.' }, { body: 'Done.' }] });
    expect((await apiCall(server, drafter, 'POST', `/api/documents/${doc}/comments/${created.body.id}/read`)).status).toBe(200);
    const listed = (await apiCall<PushedThread[]>(server, drafter, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(listed.map((t) => [t.id, t.sectionId, t.unread])).toEqual([[created.body.id, 'purpose', 0]]);

    // Resolving is pushed.
    const resolvedPushed = drafterEvents.next('comments');
    await apiCall(server, reviewer, 'POST', `/api/documents/${doc}/comments/${created.body.id}/resolve`, { resolved: true });
    expect(((await resolvedPushed).data as { thread: PushedThread }).thread).toMatchObject({ resolved: true, unread: 0 });

    // Another document's stream hears nothing of it.
    const other = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const otherEvents = await openEvents(server, drafter, `/api/documents/${other}/events`);
    await apiCall(server, reviewer, 'POST', `/api/documents/${doc}/comments/${created.body.id}/replies`, { body: 'One more.' });
    await drafterEvents.next('comments');
    expect(otherEvents.received).toEqual([]);
    for (const s of [drafterEvents, reviewerEvents, otherEvents]) s.close();
    live.destroy();
  });

  it('refuses a stream without a session or for an unknown document, and closes one when its session ends', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    const anonymous = await fetch(`${server.url}/api/documents/${doc}/events`);
    expect(anonymous.status).toBe(401);
    const unknown = await openEvents(server, admin, '/api/documents/nope/events');
    expect(unknown.status).toBe(404);

    const { token } = await createUser(server, 'reviewer');
    const stream = await openEvents(server, token, `/api/documents/${doc}/events`);
    const userStream = await openEvents(server, token, '/api/events');
    expect([stream.status, userStream.status]).toEqual([200, 200]);
    expect(server.services.events.count()).toBe(2);
    expect((await apiCall(server, token, 'DELETE', '/api/session')).status).toBe(200);
    // Nothing more reaches the ended session, and both streams close.
    const anchor = await anchorIn(doc, admin);
    await apiCall(server, admin, 'POST', `/api/documents/${doc}/comments`, { ...anchor, body: 'After sign-out.' });
    await Promise.all([stream.ended, userStream.ended]);
    expect(stream.received).toEqual([]);
    expect(server.services.events.count()).toBe(0);
  });
});
