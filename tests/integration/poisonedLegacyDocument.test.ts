import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { apiCall, createUser, startTestServer } from '../helpers/testServer';
import { connectClient } from '../helpers/yClient';
import { provisionStrings } from '../helpers/billText';
import { billSchema } from '../../client/shared/schema/billSchema';
import { templateToContent } from '../../client/shared/bill/templateToContent';
import { loadTemplates } from '../../server/templates/loadTemplates';
import { isLegacyLayout, visibleOrder } from '../../client/shared/layout';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';

const forfeiture = templateToContent(loadTemplates('templates').templates.get('tco-civil-forfeiture')!);
const sectionIds = (doc: PMJSON) => (doc.content ?? []).filter((n) => n.type === 'section').map((n) => String(n.attrs?.sectionId));

/**
 * A document in the layout before blocks, as an earlier release stored it after a hostile update:
 * the template's bill in both languages and, after its first section in English, sections nested
 * `depth` deep (built level by level: building them never recurses).
 */
function poisonedLegacyState(depth: number): Uint8Array {
  const doc = new Y.Doc();
  for (const lang of ['en', 'es'] as const) prosemirrorJSONToYXmlFragment(billSchema, forfeiture[lang], doc.getXmlFragment(lang));
  doc.transact(() => {
    const en = doc.getXmlFragment('en');
    const at = en.toArray().findIndex((n) => n instanceof Y.XmlElement && n.nodeName === 'section') + 1;
    let parent: Y.XmlFragment = en;
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement('section');
      el.setAttribute('sectionId', `deep-${i}`);
      parent.insert(parent === en ? at : 0, [el]);
      parent = el;
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

describe('a document stored with sections nested thousands deep (before this release)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const created = await createUser(server, 'admin');
    admin = created.token;
    adminId = created.user.id;
  });
  afterAll(() => server.close());

  it.each([3_000, 100_000])('opens, exports, compares, makes variants and restores versions at %i levels', async (depth) => {
    const state = poisonedLegacyState(depth);
    const { services } = server;
    const doc = services.documents.create({
      kind: 'model', docType: 'act', templateId: 'tco-civil-forfeiture', title: { en: `Poisoned ${depth}`, es: `Envenenado ${depth}` },
      jurisdiction: null, modelId: null, modelVersion: null, createdBy: adminId,
    });
    services.updates.append(doc.id, state, adminId);
    const version = services.versions.create(doc.id, 'Before the damage was found', state, adminId);

    const content = await apiCall<BilingualContent>(server, admin, 'GET', `/api/documents/${doc.id}/content`);
    expect(content.status).toBe(200);
    expect(sectionIds(content.body.en)).toEqual(sectionIds(forfeiture.en));
    expect(provisionStrings(content.body.en)).toEqual(provisionStrings(forfeiture.en));
    expect(provisionStrings(content.body.es)).toEqual(provisionStrings(forfeiture.es));

    // Converted once, for good: the stored state is in blocks and loads without the deep sections.
    const stored = services.updates.load(doc.id);
    const loaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(loaded, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(loaded, u);
    expect(isLegacyLayout(loaded)).toBe(false);
    expect(visibleOrder(loaded)).not.toContain('deep-0');

    const pdf = await fetch(`${server.url}/api/documents/${doc.id}/export?format=pdf&lang=both`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(pdf.status).toBe(200);
    const compared = await apiCall<{ sections: { id: string; status: string }[] }>(server, admin, 'GET', `/api/compare?left=${doc.id}@${version.id}&right=${doc.id}&lang=en`);
    expect(compared.status).toBe(200);
    expect(compared.body.sections.filter((s) => s.status !== 'same')).toEqual([]);
    expect((await apiCall(server, admin, 'GET', `/api/documents/${doc.id}/versions/${version.id}/content`)).status).toBe(200);
    expect((await apiCall(server, admin, 'POST', '/api/documents', { modelId: doc.id, jurisdiction: 'MX-SON' })).status).toBe(201);
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc.id}/versions/${version.id}/restore`, {})).status).toBe(200);

    // A drafter's editor opens it.
    const client = connectClient(server.url, doc.id, admin);
    await client.synced();
    expect(visibleOrder(client.doc)).toEqual(visibleOrder(loaded));
    client.destroy();
  }, 120_000);
});
