import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient } from '../helpers/yClient';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import { docText } from '../helpers/docText';

/** The first XmlText of the first provision of section `id` in `lang`. */
function sectionText(doc: Y.Doc, lang: 'en' | 'es', id: string): Y.XmlText {
  const section = doc.getXmlFragment(lang).toArray().find((n) => n instanceof Y.XmlElement && n.getAttribute('sectionId') === id) as Y.XmlElement;
  const provision = section.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'provision')[0] as Y.XmlElement;
  return provision.get(0) as Y.XmlText;
}
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
    expect(v.doc.getXmlFragment('en').toString()).toContain('Promptly, ');

    const remaining = await apiCall<{ sections: { id: string }[] }>(server, token, 'GET', `/api/documents/${variant}/upstream?lang=en`);
    expect(remaining.body.sections.map((s) => s.id)).toEqual(['claims']);
    expect((await apiCall(server, token, 'GET', `/api/documents/${model}/upstream?lang=en`)).status).toBe(400);
    m.destroy();
    v.destroy();
  });
});
