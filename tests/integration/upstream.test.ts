import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { provisionText } from '../helpers/billText';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import { docText } from '../helpers/docText';
import { deleteBlock, deletedBlocks, insertBlock } from '../../client/shared/layout';

/** The first XmlText of the first provision of section `id` in `lang`. */
const sectionText = (doc: Y.Doc, lang: 'en' | 'es', id: string): Y.XmlText => provisionText(doc, lang, id);
const sectionOf = (doc: PMJSON, id: string) => (doc.content ?? []).find((n) => n.attrs?.sectionId === id) as PMJSON;

describe('taking the model’s new text into a variant', () => {
  let server!: TestServer;
  let token!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });

  it('shows a three-way view and applies cleanly where the variant did not touch the section', async () => {
    const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const variant = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { modelId: model, jurisdiction: 'US-NM' })).body.id;
    const m = connectClient(server.url, model, token);
    const v = connectClient(server.url, variant, token);
    await Promise.all([m.synced(), v.synced()]);
    // The model changes "notice" and "claims"; the variant changes "claims" too.
    sectionText(m.doc, 'en', 'notice').insert(0, 'Promptly, ');
    sectionText(m.doc, 'es', 'notice').insert(0, 'Sin demora, ');
    sectionText(m.doc, 'en', 'claims').insert(0, 'Model: ');
    sectionText(v.doc, 'en', 'claims').insert(0, 'New Mexico: ');
    await Promise.all([m.allAcked(), v.allAcked()]);

    const up = await apiCall<{ sections: { id: string; state: string; variantChanged: boolean }[] }>(server, token, 'GET', `/api/documents/${variant}/upstream?lang=en`);
    expect(up.status).toBe(200);
    expect(up.body.sections.map((s) => [s.id, s.state])).toEqual([['notice', 'clean'], ['claims', 'conflict']]);

    expect((await apiCall(server, token, 'POST', `/api/documents/${variant}/upstream/notice/apply`)).status).toBe(200);
    const after = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${variant}/content`)).body;
    const now = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${model}/content`)).body;
    expect(docText(sectionOf(after.en, 'notice'))).toContain('Promptly, Within thirty days');
    expect(docText(sectionOf(after.es, 'notice'))).toContain('Sin demora, Dentro de los treinta días');
    // Parameters keep the variant's values.
    expect(docText(sectionOf(after.en, 'notice'))).toContain(server.services.library.jurisdictions.get('US-NM')?.parameters.attorneyGeneralOffice?.en);
    expect(docText(sectionOf(now.en, 'notice'))).toContain('⟨attorneyGeneralOffice⟩');
    // The connected variant client received the change live.
    await eventually(() => sectionText(v.doc, 'en', 'notice').toString().startsWith('Promptly, Within thirty days'), 'the variant client receives the change');

    const remaining = await apiCall<{ sections: { id: string }[] }>(server, token, 'GET', `/api/documents/${variant}/upstream?lang=en`);
    expect(remaining.body.sections.map((s) => s.id)).toEqual(['claims']);
    expect((await apiCall(server, token, 'GET', `/api/documents/${model}/upstream?lang=en`)).status).toBe(400);
    m.destroy();
    v.destroy();
  });

  it('puts a section the model added after its predecessor, and deletes (restorably) one the model removed', async () => {
    const model = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body.id;
    const variant = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { modelId: model, jurisdiction: 'MX-SON' })).body.id;
    const m = connectClient(server.url, model, token);
    await m.synced();
    const heading = (text: string) => ({ type: 'sectionHeading', content: [{ type: 'text', text }] });
    const provision = (text: string) => ({ type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text }] });
    insertBlock(m.doc, { kind: 'section', id: 'asset-registry', afterId: 'purpose', content: { en: [heading('Asset Registry'), provision('A registry is kept.')], es: [heading('Registro de bienes'), provision('Se lleva un registro.')] } });
    deleteBlock(m.doc, 'exemptions', 'Model drafter');
    await m.allAcked();

    const up = await apiCall<{ sections: { id: string; state: string }[] }>(server, token, 'GET', `/api/documents/${variant}/upstream?lang=es`);
    expect(up.body.sections.map((s) => [s.id, s.state])).toEqual([['asset-registry', 'added'], ['exemptions', 'removed']]);
    for (const id of ['asset-registry', 'exemptions']) expect((await apiCall(server, token, 'POST', `/api/documents/${variant}/upstream/${id}/apply`)).status).toBe(200);

    const after = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${variant}/content`)).body;
    const ids = (doc: PMJSON) => (doc.content ?? []).filter((n) => n.type === 'section').map((n) => String(n.attrs?.sectionId));
    for (const lang of ['en', 'es'] as const) {
      expect(ids(after[lang]).slice(0, 4)).toEqual(['short-title', 'purpose', 'asset-registry', 'definitions']);
      expect(ids(after[lang])).not.toContain('exemptions');
    }
    expect(docText(sectionOf(after.es, 'asset-registry'))).toBe('Registro de bienes\nSe lleva un registro.');
    const v = connectClient(server.url, variant, token);
    await v.synced();
    expect(deletedBlocks(v.doc).map((b) => [b.id, b.deleted?.by])).toEqual([['exemptions', expect.any(String)]]);
    expect((await apiCall<{ sections: unknown[] }>(server, token, 'GET', `/api/documents/${variant}/upstream?lang=es`)).body.sections).toEqual([]);
    expect((await apiCall(server, token, 'POST', `/api/documents/${variant}/upstream/no-such-section/apply`)).status).toBe(404);
    m.destroy();
    v.destroy();
  });
});
