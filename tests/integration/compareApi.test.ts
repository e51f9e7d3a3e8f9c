import { describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { deletedBlocks, insertBlock, visibleOrder } from '../../client/shared/layout';
import { provisionText } from '../helpers/billText';
import type { Comparison } from '../../client/shared/compare/compareSections';
import type { StateMap } from '../../server/documents/stateMap';

describe('comparison API, versions and the states × sections map', () => {
  let server!: TestServer;
  let admin!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    admin = t;
  });

  /** Replaces the text of the first provision of the first section, through a real client. */
  async function setFirstProvision(docId: string, lang: 'en' | 'es', text: string): Promise<void> {
    const c = connectClient(server.url, docId, admin);
    await c.synced();
    const t = provisionText(c.doc, lang);
    c.doc.transact(() => {
      t.delete(0, t.length);
      t.insert(0, text);
    });
    await c.allAcked();
    c.destroy();
  }

  it('compares a document with an earlier version of itself, and restores that version', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    await setFirstProvision(doc, 'en', 'Property used to commit an offense is subject to forfeiture.');
    const v1 = await apiCall<{ id: string; name: string }>(server, admin, 'POST', `/api/documents/${doc}/versions`, { name: 'Introduced' });
    expect(v1.status).toBe(201);
    await setFirstProvision(doc, 'en', 'Property used to commit a felony is subject to civil forfeiture.');

    const cmp = await apiCall<Comparison & { sections: { status: string; paragraphs: { changes: unknown[] }[] }[] }>(server, admin, 'GET', `/api/compare?left=${doc}@${v1.body.id}&right=${doc}&lang=en`);
    expect(cmp.status).toBe(200);
    const changed = cmp.body.sections.find((s) => s.status === 'changed');
    expect(changed?.paragraphs[1]?.changes).toEqual([
      { type: 'equal', text: 'Property used to commit ' },
      { type: 'delete', text: 'an offense ' },
      { type: 'insert', text: 'a felony ' },
      { type: 'equal', text: 'is subject to ' },
      { type: 'insert', text: 'civil ' },
      { type: 'equal', text: 'forfeiture.' },
    ]);
    expect(cmp.body.stats.wordsChanged).toBe(5);

    const v2 = (await apiCall<{ id: string }>(server, admin, 'POST', `/api/documents/${doc}/versions`, { name: 'Committee draft' })).body;
    // A section added since the version: restoring deletes it, restorably, and keeps the version's order.
    const c = connectClient(server.url, doc, admin);
    await c.synced();
    const order = visibleOrder(c.doc);
    insertBlock(c.doc, { kind: 'section', id: 'added-later', afterId: null });
    await c.allAcked();
    expect((await apiCall(server, admin, 'POST', `/api/documents/${doc}/versions/${v1.body.id}/restore`)).status).toBe(200);
    await eventually(() => !visibleOrder(c.doc).includes('added-later'), 'the client sees the restore');
    expect(visibleOrder(c.doc)).toEqual(order);
    expect(deletedBlocks(c.doc).map((b) => b.id)).toEqual(['added-later']);
    c.destroy();
    const same = await apiCall<{ stats: { wordsChanged: number } }>(server, admin, 'GET', `/api/compare?left=${doc}@${v1.body.id}&right=${doc}&lang=en`);
    expect(same.body.stats.wordsChanged).toBe(0);
    const versions = await apiCall<{ id: string; name: string }[]>(server, admin, 'GET', `/api/documents/${doc}/versions`);
    // The restore kept the text before it as a version of its own.
    expect(versions.body.map((v) => v.name)).toEqual(['Introduced', 'Committee draft', 'Before restoring “Introduced”']);
    const toV2 = await apiCall<{ stats: { wordsChanged: number } }>(server, admin, 'GET', `/api/compare?left=${doc}@${v2.id}&right=${doc}&lang=en`);
    expect(toV2.body.stats.wordsChanged).toBe(5);
  });

  it('refuses bad comparison requests clearly', async () => {
    const doc = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    expect((await apiCall(server, admin, 'GET', `/api/compare?left=${doc}`)).status).toBe(400);
    expect((await apiCall(server, admin, 'GET', `/api/compare?left=${doc}&right=${doc}&lang=fr`)).status).toBe(400);
    const missing = await apiCall<{ error: { code: string } }>(server, admin, 'GET', `/api/compare?left=${doc}@nope&right=${doc}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('version_not_found');
  });

  it('maps how far each state departs from the model, section by section, and as CSV', async () => {
    const model = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', {})).body.id;
    await setFirstProvision(model, 'en', 'one two three four five six seven eight nine ten');
    const variants: Record<string, string> = {};
    for (const code of ['US-NM', 'MX-SON', 'US-AZ']) {
      variants[code] = (await apiCall<{ id: string }>(server, admin, 'POST', '/api/documents', { modelId: model, jurisdiction: code })).body.id;
    }
    await setFirstProvision(variants['US-NM'] as string, 'en', 'one two three four five six seven eight nine eleven');
    await setFirstProvision(variants['MX-SON'] as string, 'en', 'one two three four five');
    const map = (await apiCall<StateMap>(server, admin, 'GET', `/api/documents/${model}/map?lang=en`)).body;
    expect(map.variants.map((v) => v.jurisdiction)).toEqual(['MX-SON', 'US-AZ', 'US-NM']);
    expect(map.sections).toHaveLength(1);
    // words of the model section: 10 (the heading is empty); NM changed 1 word (2 runs), SON deleted 5.
    expect(map.cells[0]?.map((c) => [c.status, c.wordsChanged, c.share])).toEqual([
      ['changed', 5, 0.5],
      ['same', 0, 0],
      ['changed', 2, 0.2],
    ]);
    const us = (await apiCall<StateMap>(server, admin, 'GET', `/api/documents/${model}/map?lang=en&country=US`)).body;
    expect(us.variants.map((v) => v.jurisdiction)).toEqual(['US-AZ', 'US-NM']);
    const res = await fetch(`${server.url}/api/documents/${model}/map?lang=es&format=csv`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toBe('Artículo,Epígrafe,MX-SON,US-AZ,US-NM\r\nArtículo 1.-,,0.0,0.0,0.0\r\n');
  });
});
