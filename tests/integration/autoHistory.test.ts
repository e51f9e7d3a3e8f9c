import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import type { TestServer } from '../helpers/serverSuite';
import { connectClient, eventually, type TestClient } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';

interface Version { id: string; kind: string; createdAt: string; editors: { name: string }[] }
interface Entry { versionId: string | null; kind: string | null; by: { name: string }[]; status: string; changes: { en: { type: string; text: string }[][] | null; es: { type: string; text: string }[][] | null } }

const QUIET_MS = 400;
const MAX_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('automatic history', () => {
  let server!: TestServer;
  let admin!: string;
  beforeAll(async () => {
    server = await startTestServer({ autoVersionQuietMs: QUIET_MS, autoVersionMaxMs: MAX_MS });
    admin = (await createUser(server, 'admin')).token;
  });
  afterAll(() => server.close());

  const automatic = async (doc: string) =>
    (await apiCall<Version[]>(server, admin, 'GET', `/api/documents/${doc}/versions?include=automatic`)).body.filter((v) => v.kind === 'automatic');

  async function append(c: TestClient, sectionId: string, lang: 'en' | 'es', text: string) {
    const t = provisionText(c.doc, lang, sectionId);
    t.insert(t.length, text);
    await c.allAcked();
  }

  /** A new model act open in the clients of two drafters, Ana and Luis. */
  async function twoDrafters() {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const ana = await createUser(server, 'drafter', { name: 'Ana Drafter' });
    const luis = await createUser(server, 'drafter', { name: 'Luis Redactor' });
    const a = connectClient(server.url, doc, ana.token);
    const l = connectClient(server.url, doc, luis.token);
    await Promise.all([a.synced(), l.synced()]);
    return { doc, ana, luis, a, l };
  }

  it('keeps a version after each burst of edits, at least every maximum interval while edits go on, recording who edited', async () => {
    const { doc, ana, luis, a, l } = await twoDrafters();
    // Opening a document keeps nothing; its first change keeps the text before it, where its history starts.
    expect(await automatic(doc)).toEqual([]);

    await append(a, 'purpose', 'en', ' Amended by Ana.');
    await append(l, 'definitions', 'es', ' Reformado por Luis.');
    await eventually(() => server.services.versions.list(doc).length === 2, 'a version after the burst', 3000);
    expect((await automatic(doc)).map((v) => v.editors.map((e) => e.name))).toEqual([[], ['Ana Drafter', 'Luis Redactor']]);
    expect(server.services.versions.list(doc)[1]?.edits.blocks).toEqual({ purpose: [ana.user.id], definitions: [luis.user.id] });
    const [baseline, burst] = await automatic(doc);
    const text = async (v: Version | undefined) => JSON.stringify((await apiCall(server, admin, 'GET', `/api/documents/${doc}/versions/${v?.id ?? ''}/content`)).body);
    expect([(await text(baseline)).includes('Amended by Ana.'), (await text(burst)).includes('Amended by Ana.')]).toEqual([false, true]);

    // Typing without a pause for 2.5 s: a version at each maximum interval, then one after the pause.
    const start = Date.now();
    for (let i = 0; i < 25; i++) {
      await append(a, 'purpose', 'en', '.');
      await sleep(100);
    }
    await sleep(QUIET_MS + 300);
    const during = (await automatic(doc)).slice(2).map((v) => Date.parse(v.createdAt) - start);
    expect(during).toHaveLength(3);
    expect((during[1] ?? 0) - (during[0] ?? 0)).toBeGreaterThanOrEqual(MAX_MS);
    a.destroy();
    l.destroy();
  });

  it('lists who changed a section and when, with a word redline for each change, newest first, including edits not yet in a version', async () => {
    const { doc, a, l } = await twoDrafters();
    const first = provisionText(a.doc, 'en', 'purpose').toString();
    await append(a, 'purpose', 'en', ' Amended by Ana.');
    await append(l, 'definitions', 'es', ' Reformado por Luis.');
    await eventually(() => server.services.versions.list(doc).length === 2, 'first burst', 3000);
    await append(l, 'purpose', 'es', ' Luis también.');
    await eventually(() => server.services.versions.list(doc).length === 3, 'second burst', 3000);
    const named = (await apiCall<{ id: string }>(server, admin, 'POST', `/api/documents/${doc}/versions`, { name: 'Committee draft' })).body.id;
    await append(a, 'purpose', 'en', ' Once more.');

    const history = (await apiCall<Entry[]>(server, admin, 'GET', `/api/documents/${doc}/sections/purpose/history`)).body;
    expect(history.map((e) => [e.versionId === null ? 'now' : e.kind, e.status, e.by.map((p) => p.name), e.changes.en !== null, e.changes.es !== null])).toEqual([
      ['now', 'changed', ['Ana Drafter'], true, false],
      ['automatic', 'changed', ['Luis Redactor'], false, true],
      ['automatic', 'changed', ['Ana Drafter'], true, false],
    ]);
    expect(history[2]?.changes.en).toEqual([[{ type: 'equal', text: `${first} ` }, { type: 'insert', text: 'Amended by Ana.' }]]);
    expect(history[0]?.changes.en).toEqual([[{ type: 'equal', text: `${first} Amended by Ana. ` }, { type: 'insert', text: 'Once more.' }]]);
    expect(history.some((e) => e.versionId === named)).toBe(false);
    const definitions = (await apiCall<Entry[]>(server, admin, 'GET', `/api/documents/${doc}/sections/definitions/history`)).body;
    expect(definitions.map((e) => [e.status, e.by.map((p) => p.name)])).toEqual([['changed', ['Luis Redactor']]]);
    expect((await apiCall<Entry[]>(server, admin, 'GET', `/api/documents/${doc}/sections/no-such-section/history`)).body).toEqual([]);
    a.destroy();
    l.destroy();
  });
});
