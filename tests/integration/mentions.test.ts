import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall, createUser } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import { openEvents } from '../helpers/sseClient';

const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');

interface NotificationView {
  id: string; kind: string; read: boolean; docId: string; docTitle: { en: string; es: string }; threadId: string; actor: { id: string; name: string };
  sectionId: string | null; sectionName: { en?: string; es?: string }; excerpt: string;
}

describe('mentions notify the people named', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  it('"@Name" in a comment notifies that reader at once, naming the section in both languages; read and unread are kept', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const luis = await createUser(server, 'drafter', { name: 'Luis Redactor' });
    const ana = await createUser(server, 'drafter', { name: 'Ana María López' });
    const rosa = await createUser(server, 'reviewer', { name: 'Rosa Revisora' });
    const disabled = await createUser(server, 'drafter', { name: 'Old Account' });
    server.services.users.update(disabled.user.id, { disabled: true });

    // The mention picker lists the document's readers by name only.
    const people = await apiCall<{ id: string; name: string }[]>(server, rosa.token, 'GET', `/api/documents/${doc}/people`);
    expect(people.body.map((p) => p.name)).toEqual(expect.arrayContaining(['Ana María López', 'Luis Redactor', 'Rosa Revisora']));
    expect(people.body.map((p) => p.name)).not.toContain('Old Account');
    expect(Object.keys(people.body[0] ?? {})).toEqual(['id', 'name']);

    const luisBell = await openEvents(server, luis.token, '/api/events');
    const anaBell = await openEvents(server, ana.token, '/api/events');
    const c = connectClient(server.url, doc, rosa.token);
    await c.synced();
    const t = provisionText(c.doc, 'en', 'definitions');
    const anchor = { lang: 'en', anchorStart: b64(Y.createRelativePositionFromTypeIndex(t, 0)), anchorEnd: b64(Y.createRelativePositionFromTypeIndex(t, 10, -1)), quote: t.toString().slice(0, 10) };
    c.destroy();

    const pushed = luisBell.next('notification');
    const body = '@Luis Redactor: ¿«bienes» o «activos»? Also @Rosa Revisora (myself) and @Old Account.';
    const thread = (await apiCall<{ id: string }>(server, rosa.token, 'POST', `/api/documents/${doc}/comments`, { ...anchor, body })).body.id;
    const got = (await pushed).data as { notification: NotificationView; unread: number };
    expect(got.unread).toBe(1);
    expect(got.notification).toEqual({
      id: expect.any(String), kind: 'mention', read: false, createdAt: expect.any(String), docId: doc,
      docTitle: { en: 'Uniform Transnational Criminal Organization Civil Forfeiture Act', es: 'Ley Uniforme de Extinción de Dominio contra Organizaciones Criminales Transnacionales' },
      threadId: thread, commentId: thread, actor: { id: rosa.user.id, name: 'Rosa Revisora' },
      sectionId: 'definitions', sectionName: { en: 'Section 3 · Definitions', es: 'Artículo 3 · Definiciones' }, excerpt: body,
    });
    // Only the person named: not the author, not a disabled account, not Ana.
    expect(server.services.notifications.recent(rosa.user.id)).toEqual([]);
    expect(server.services.notifications.recent(disabled.user.id)).toEqual([]);

    // A reply naming Ana notifies her; the thread shows whom each comment names.
    const anaPushed = anaBell.next('notification');
    await apiCall(server, luis.token, 'POST', `/api/documents/${doc}/comments/${thread}/replies`, { body: 'Agreed, @ana maría lópez will update the Spanish.' });
    expect(((await anaPushed).data as { notification: NotificationView }).notification).toMatchObject({ actor: { name: 'Luis Redactor' }, excerpt: 'Agreed, @ana maría lópez will update the Spanish.' });
    const threads = (await apiCall<{ comments: { mentions: { name: string }[] }[] }[]>(server, admin, 'GET', `/api/documents/${doc}/comments`)).body;
    expect(threads[0]?.comments.map((cm) => cm.mentions.map((m) => m.name))).toEqual([['Luis Redactor'], ['Ana María López']]);

    // The list, newest first, with the unread count; reading one thread's notifications, then all.
    const list = await apiCall<{ unread: number; items: NotificationView[] }>(server, luis.token, 'GET', '/api/notifications');
    expect(list.body.unread).toBe(1);
    expect(list.body.items.map((n) => [n.kind, n.actor.name, n.read])).toEqual([['mention', 'Rosa Revisora', false]]);
    const readPushed = luisBell.next('notificationsRead');
    expect((await apiCall(server, luis.token, 'POST', `/api/documents/${doc}/comments/${thread}/read`)).status).toBe(200);
    expect(((await readPushed).data as { unread: number }).unread).toBe(0);
    expect((await apiCall<{ unread: number; items: NotificationView[] }>(server, luis.token, 'GET', '/api/notifications')).body.items.map((n) => n.read)).toEqual([true]);
    expect((await apiCall<{ unread: number }>(server, ana.token, 'POST', '/api/notifications/read', {})).body).toEqual({ unread: 0 });
    expect((await apiCall(server, ana.token, 'POST', '/api/notifications/read', { ids: 'all' })).status).toBe(400);
    luisBell.close();
    anaBell.close();
  });
});
