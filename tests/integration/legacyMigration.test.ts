import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { apiCall, startTestServer, tempDataDir } from '../helpers/testServer';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText, typeText } from '../helpers/billText';
import { docText } from '../helpers/docText';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import { blocksOf, isLegacyLayout, orderOf, visibleOrder } from '../../client/shared/layout';
import { openDatabase } from '../../server/storage/openDatabase';
import { UpdateStore } from '../../server/storage/UpdateStore';
import { CommentStore } from '../../server/storage/CommentStore';
import { ensureBlockLayout } from '../../server/documents/ensureBlockLayout';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
interface Sections { en: { heading: string; provisions: string[] }; es: { heading: string; provisions: string[] } }
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'legacy-layout.json'), 'utf8')) as {
  users: Record<'admin' | 'drafter' | 'reviewer', { email: string; password: string }>;
  documents: Record<string, { id: string }>;
  versions: Record<string, { id: string; name: string }[]>;
  fixtureVersion: { docId: string; id: string; sectionOrder: string[]; purposeEn: string };
  forfeitureModel: { docId: string; sectionOrder: { en: string[]; es: string[] }; sections: Record<string, Sections> };
  otherDocumentSectionOrders: Record<string, { en: string[]; es: string[] }>;
  comments: { threadId: string; docId: string; lang: string; quote: string; replies: unknown[] }[];
  variantMxSon: { docId: string; purposeEs: string };
};
const modelId = expected.forfeitureModel.docId;

/** A data directory holding a copy of the database the release before blocks wrote. */
function legacyDataDir(): string {
  const dir = tempDataDir();
  fs.copyFileSync(path.join(fixtures, 'legacy-layout.sqlite'), path.join(dir, 'puente.sqlite'));
  return dir;
}

const sectionIds = (doc: PMJSON) => (doc.content ?? []).filter((n) => n.type === 'section').map((n) => String(n.attrs?.sectionId));
function section(doc: PMJSON, id: string): { heading: string; provisions: string[] } {
  const node = (doc.content ?? []).find((n) => n.type === 'section' && n.attrs?.sectionId === id);
  const [heading, ...provisions] = node?.content ?? [];
  return { heading: heading ? docText(heading) : '', provisions: provisions.map(docText) };
}

type Server = Awaited<ReturnType<typeof startTestServer>>;
const signIn = async (server: Server, who: 'admin' | 'drafter' | 'reviewer') =>
  (await apiCall<{ token: string }>(server, null, 'POST', '/api/session', { email: expected.users[who].email, password: expected.users[who].password })).body.token;
const content = async (server: Server, token: string, ref: string) => (await apiCall<BilingualContent>(server, token, 'GET', ref)).body;
const snapshots = (server: Server) => server.services.db.prepare('SELECT doc_id, data, through_update FROM doc_snapshots ORDER BY doc_id').all();

async function expectCommentsOnTheirQuotes(server: Server, token: string): Promise<void> {
  const threads = (await apiCall<{ id: string; lang: string; quote: string; currentQuote: string | null; orphaned: boolean; comments: unknown[] }[]>(server, token, 'GET', `/api/documents/${modelId}/comments`)).body;
  expect(threads.map((t) => [t.id, t.lang, t.quote, t.currentQuote, t.orphaned, t.comments.length])).toEqual(
    expected.comments.map((c) => [c.threadId, c.lang, c.quote, c.quote, false, 1 + c.replies.length]),
  );
}

describe('a database written before blocks', () => {
  it('opens with every document, version and comment, converted once to blocks', async () => {
    const dataDir = legacyDataDir();
    let server = await startTestServer({}, dataDir);
    const admin = await signIn(server, 'admin');
    const listed = (await apiCall<{ id: string }[]>(server, admin, 'GET', '/api/documents')).body.map((d) => d.id).sort();
    expect(listed).toEqual(Object.values(expected.documents).map((d) => d.id).sort());

    // Every document reads in its section order with the texts typed into it.
    const model = await content(server, admin, `/api/documents/${modelId}/content`);
    for (const lang of ['en', 'es'] as const) {
      expect(sectionIds(model[lang])).toEqual(expected.forfeitureModel.sectionOrder[lang]);
      for (const [id, texts] of Object.entries(expected.forfeitureModel.sections)) expect(section(model[lang], id)).toEqual({ heading: texts[lang].heading, provisions: texts[lang].provisions });
    }
    for (const [docId, order] of Object.entries(expected.otherDocumentSectionOrders)) {
      const other = await content(server, admin, `/api/documents/${docId}/content`);
      expect({ en: sectionIds(other.en), es: sectionIds(other.es) }).toEqual(order);
    }
    const sonora = await content(server, admin, `/api/documents/${expected.variantMxSon.docId}/content`);
    expect(section(sonora.es, 'purpose').provisions.join('\n')).toBe(expected.variantMxSon.purposeEs);

    // Versions stay as saved, and read as they were.
    const versions = (await apiCall<{ id: string; name: string }[]>(server, admin, 'GET', `/api/documents/${modelId}/versions`)).body;
    expect(versions.map((v) => [v.id, v.name])).toEqual(expected.versions[modelId]?.map((v) => [v.id, v.name]));
    const { fixtureVersion } = expected;
    const saved = await content(server, admin, `/api/documents/${modelId}/versions/${fixtureVersion.id}/content`);
    expect(sectionIds(saved.en)).toEqual(fixtureVersion.sectionOrder);
    expect(section(saved.en, 'purpose').provisions.join('\n')).toBe(fixtureVersion.purposeEn);
    const compared = (await apiCall<{ sections: { id: string; status: string }[] }>(server, admin, 'GET', `/api/compare?left=${modelId}@${fixtureVersion.id}&right=${modelId}&lang=en`)).body;
    expect(compared.sections.filter((s) => s.status !== 'same').map((s) => [s.id, s.status])).toEqual([['purpose', 'changed']]);

    // The comment threads still cover their passages.
    await expectCommentsOnTheirQuotes(server, await signIn(server, 'reviewer'));

    // Each document was converted when first read: one snapshot in the new layout, no update log.
    const stored = server.services.db.prepare('SELECT doc_id, data FROM doc_snapshots').all() as { doc_id: string; data: Buffer }[];
    expect(stored.map((s) => s.doc_id).sort()).toEqual(listed);
    for (const s of stored) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(s.data));
      expect(isLegacyLayout(doc)).toBe(false);
      expect(visibleOrder(doc).length).toBeGreaterThan(0);
    }
    expect((server.services.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n).toBe(0);
    const converted = snapshots(server);

    // A real client gets the blocks, nothing in the old roots, and its typing shows in /content.
    const drafter = await signIn(server, 'drafter');
    const client = connectClient(server.url, modelId, drafter);
    await client.synced();
    expect(snapshots(server)).toEqual(converted); // opening the room did not convert again
    expect(orderOf(client.doc).length).toBeGreaterThan(0);
    expect(blocksOf(client.doc).size).toBeGreaterThan(0);
    expect(client.doc.getXmlFragment('en').length + client.doc.getXmlFragment('es').length).toBe(0);
    typeText(client.doc, 'en', ' Typed after the conversion.', 'purpose');
    await client.allAcked();
    const typed = `${expected.forfeitureModel.sections.purpose?.en.provisions[0]} Typed after the conversion.`;
    expect(section((await content(server, admin, `/api/documents/${modelId}/content`)).en, 'purpose').provisions[0]).toBe(typed);
    client.destroy();
    await server.close();

    // After a restart everything is there, and nothing is converted twice.
    server = await startTestServer({}, dataDir);
    const again = await signIn(server, 'admin');
    const untouched = (converted as { doc_id: string }[]).filter((s) => s.doc_id !== modelId);
    expect(section((await content(server, again, `/api/documents/${modelId}/content`)).en, 'purpose').provisions[0]).toBe(typed);
    for (const { doc_id } of untouched) await content(server, again, `/api/documents/${doc_id}/content`);
    expect(snapshots(server).filter((s) => (s as { doc_id: string }).doc_id !== modelId)).toEqual(untouched);
    await expectCommentsOnTheirQuotes(server, again);
    const late = connectClient(server.url, modelId, again);
    await late.synced();
    await eventually(() => provisionText(late.doc, 'en', 'purpose').toString() === typed, 'a client after the restart has the typed text');
    late.destroy();
    await server.close();
  }, 60_000);

  it('leaves the database as it was when a conversion fails midway', () => {
    const db = openDatabase(path.join(legacyDataDir(), 'puente.sqlite'));
    const stores = { db, updates: new UpdateStore(db), comments: new CommentStore(db) };
    const before = () => ({
      snapshots: db.prepare('SELECT * FROM doc_snapshots ORDER BY doc_id').all(),
      updates: db.prepare('SELECT * FROM doc_updates ORDER BY id').all(),
      comments: db.prepare('SELECT * FROM comments ORDER BY id').all(),
    });
    const original = before();
    const load = () => {
      const stored = stores.updates.load(modelId);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return { doc, through: stored.lastUpdateId };
    };
    const { doc, through } = load();
    // The anchors are rewritten, then storing the converted state fails.
    const compact = vi.spyOn(stores.updates, 'compact').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => ensureBlockLayout(stores, modelId, doc, through)).toThrow('disk full');
    expect(before()).toEqual(original);
    expect(isLegacyLayout(doc)).toBe(true);
    compact.mockRestore();
    // Tried again, it converts, and only then.
    expect(ensureBlockLayout(stores, modelId, doc, through)).toBe(true);
    expect(isLegacyLayout(doc)).toBe(false);
    expect(before().comments).not.toEqual(original.comments);
    expect(isLegacyLayout(load().doc)).toBe(false);
    expect(ensureBlockLayout(stores, modelId, load().doc, through)).toBe(false);
    db.close();
  });
});
