import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { apiCall, createUser } from '../helpers/testServer';
import { connectClient, eventually, type TestClient } from '../helpers/yClient';
import { typeText } from '../helpers/billText';
import { MessageType } from '../../client/shared/collab/closeCodes';

let server: TestServer;
let admin: string;
withServerAndAdmin((s, token) => {
  server = s;
  admin = token;
});

interface Heard { access: { canWrite: boolean; reason: string | null; at: number }[]; held: string[] }

/** A real client that records the access and held messages the server sends it. */
function listening(client: TestClient): Heard {
  const heard: Heard = { access: [], held: [] };
  client.provider.messageHandlers[MessageType.Access] = (_e, d) => {
    const body = JSON.parse(decoding.readVarString(d)) as { canWrite: boolean; reason: string | null };
    heard.access.push({ ...body, at: Date.now() });
  };
  client.provider.messageHandlers[MessageType.Held] = (_e, d) => {
    heard.held.push((JSON.parse(decoding.readVarString(d)) as { held: string }).held);
  };
  return heard;
}

async function purposeText(token: string, docId: string): Promise<string> {
  const { body } = await apiCall<{ en: unknown }>(server, token, 'GET', `/api/documents/${docId}/content`);
  return JSON.stringify(body.en);
}

async function setup() {
  const drafter = await createUser(server, 'drafter', { name: 'Luis Redactor', jurisdictions: ['US-AZ'] });
  const { body: doc } = await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' });
  const client = connectClient(server.url, doc.id, drafter.token);
  const heard = listening(client);
  await client.synced();
  return { drafter, docId: doc.id, client, heard };
}

describe('status and permissions reach open sockets', () => {
  it('a drafter is told within a second that the document became final, and their next edit is held, not applied', async () => {
    const { drafter, docId, client, heard } = await setup();
    typeText(client.doc, 'en', ' Before final.', 'purpose');
    await client.allAcked();
    const sent = Date.now();
    expect((await apiCall(server, admin, 'POST', `/api/documents/${docId}/status`, { status: 'final' })).status).toBe(200);
    await eventually(() => heard.access.length === 1, 'access message', 1000);
    expect(heard.access[0]).toMatchObject({ canWrite: false, reason: 'final' });
    expect(heard.access[0]!.at - sent).toBeLessThan(1000);
    expect(client.provider.wsconnected).toBe(true);
    typeText(client.doc, 'en', ' After final.', 'purpose');
    await eventually(() => heard.held.length > 0, 'held message', 2000);
    const content = await purposeText(admin, docId);
    expect(content).toContain('Before final.');
    expect(content).not.toContain('After final.');
    const { body: mine } = await apiCall<{ id: string; author: { name: string }; blocks: { id: string; change: string; langs: string[] }[] }[]>(server, drafter.token, 'GET', `/api/documents/${docId}/held`);
    expect(mine.map((h) => [h.author.name, h.blocks.map((b) => `${b.id}:${b.change}:${b.langs.join('+')}`)])).toEqual([['Luis Redactor', ['purpose:changed:en']]]);
    const { body: view } = await apiCall<{ canWrite: boolean; readOnlyReason: string; statusChange: { by: string } }>(server, drafter.token, 'GET', `/api/documents/${docId}`);
    expect([view.canWrite, view.readOnlyReason]).toEqual([false, 'final']);
    // Reopened: the same socket may write again, and is told so.
    await apiCall(server, admin, 'POST', `/api/documents/${docId}/status`, { status: 'draft' });
    await eventually(() => heard.access.length === 2, 'second access message', 1000);
    expect(heard.access[1]).toMatchObject({ canWrite: true, reason: null });
    client.destroy();
  });

  it('edits made offline before the document became final are held, then become suggestions, not text', async () => {
    const { drafter, docId, client, heard } = await setup();
    client.provider.disconnect();
    typeText(client.doc, 'en', ' Offline proposal.', 'purpose');
    await apiCall(server, admin, 'POST', `/api/documents/${docId}/status`, { status: 'final' });
    client.provider.connect();
    await eventually(() => heard.held.length > 0, 'held message', 3000);
    expect(await purposeText(admin, docId)).not.toContain('Offline proposal.');
    const { body: list } = await apiCall<{ id: string }[]>(server, admin, 'GET', `/api/documents/${docId}/held`);
    expect(list.length).toBe(1);
    // A drafter may not turn held edits into suggestions; an admin may.
    expect((await apiCall(server, drafter.token, 'POST', `/api/documents/${docId}/held/${list[0]!.id}/suggest`, {})).status).toBe(403);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${docId}/held/${list[0]!.id}/suggest`, {})).status).toBe(200);
    const { body } = await apiCall<{ en: { content: { attrs?: { sectionId?: string }; content?: { content?: { text?: string; marks?: { type: string; attrs: { authorName: string } }[] }[] }[] }[] } }>(server, admin, 'GET', `/api/documents/${docId}/content`);
    const purpose = body.en.content.find((n) => n.attrs?.sectionId === 'purpose');
    const runs = (purpose?.content ?? []).flatMap((p) => p.content ?? []);
    const suggested = runs.filter((r) => r.marks?.some((m) => m.type === 'suggestedInsertion')).map((r) => [r.text, r.marks?.find((m) => m.type === 'suggestedInsertion')?.attrs.authorName]);
    expect(suggested).toEqual([[' Offline proposal.', 'Luis Redactor']]);
    expect((await apiCall<unknown[]>(server, admin, 'GET', `/api/documents/${docId}/held`)).body).toEqual([]);
    client.destroy();
  });

  it('the author discards their held edits; a reviewer has nothing held', async () => {
    const { drafter, docId, client, heard } = await setup();
    await apiCall(server, admin, 'POST', `/api/documents/${docId}/status`, { status: 'final' });
    await eventually(() => heard.access.length === 1, 'access message', 1000);
    typeText(client.doc, 'es', ' Texto tardío.', 'purpose');
    await eventually(() => heard.held.length > 0, 'held message', 2000);
    expect((await apiCall(server, drafter.token, 'DELETE', `/api/documents/${docId}/held/${heard.held[0]}`)).status).toBe(200);
    expect((await apiCall<unknown[]>(server, admin, 'GET', `/api/documents/${docId}/held`)).body).toEqual([]);
    const reviewer = await createUser(server, 'reviewer');
    const r = connectClient(server.url, docId, reviewer.token);
    const rHeard = listening(r);
    await r.synced();
    typeText(r.doc, 'en', ' Reviewer text.', 'purpose');
    await r.allAcked();
    expect(rHeard.held).toEqual([]);
    expect((await apiCall<unknown[]>(server, admin, 'GET', `/api/documents/${docId}/held`)).body).toEqual([]);
    r.destroy();
    client.destroy();
  });
});
