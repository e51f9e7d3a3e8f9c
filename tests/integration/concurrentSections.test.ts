import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { billSchema } from '../../client/shared/schema/billSchema';
import { computeNumbering, crossRefLabel } from '../../client/shared/bill/numbering';
import type { BilingualContent } from '../../client/shared/bill/yBill';

function sectionElement(id: string, heading: string): Y.XmlElement {
  const section = new Y.XmlElement('section');
  section.setAttribute('sectionId', id);
  section.setAttribute('kind', 'section');
  const h = new Y.XmlElement('sectionHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  const p = new Y.XmlElement('provision');
  p.setAttribute('level', 0 as unknown as string);
  section.insert(0, [h, p]);
  return section;
}

describe('sections inserted by two people at once', () => {
  let server!: TestServer;
  let token!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });

  it('end in the same, correctly numbered document for both, in both languages', async () => {
    const doc = (await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { templateId: 'tco-civil-forfeiture' })).body;
    const a = connectClient(server.url, doc.id, token);
    const b = connectClient(server.url, doc.id, token);
    await Promise.all([a.synced(), b.synced()]);
    const sectionsOf = (d: Y.Doc, lang: 'en' | 'es') => d.getXmlFragment(lang).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'section');
    const before = sectionsOf(a.doc, 'en').length;
    const firstIndex = a.doc.getXmlFragment('en').toArray().indexOf(sectionsOf(a.doc, 'en')[0] as Y.XmlElement);

    // Both insert a new section right after the first one, in both languages, without seeing each other.
    a.provider.disconnect();
    b.provider.disconnect();
    for (const lang of ['en', 'es'] as const) {
      a.doc.getXmlFragment(lang).insert(firstIndex + 1, [sectionElement('from-a', `A ${lang}`)]);
      b.doc.getXmlFragment(lang).insert(firstIndex + 1, [sectionElement('from-b', `B ${lang}`)]);
    }
    a.provider.connect();
    b.provider.connect();
    await Promise.all([a.synced(), b.synced()]);
    await Promise.all([a.allAcked(), b.allAcked()]);
    await eventually(() => sectionsOf(a.doc, 'en').length === before + 2 && sectionsOf(b.doc, 'en').length === before + 2, 'both inserts everywhere');
    await eventually(() => a.doc.getXmlFragment('es').toString() === b.doc.getXmlFragment('es').toString(), 'es converged');
    expect(a.doc.getXmlFragment('en').toString()).toBe(b.doc.getXmlFragment('en').toString());

    const content = (await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${doc.id}/content`)).body;
    for (const lang of ['en', 'es'] as const) {
      const numbering = computeNumbering(billSchema.nodeFromJSON(content[lang]), lang);
      const ordinary = numbering.sections.filter((s) => s.kind === 'section');
      expect(ordinary.map((s) => s.ordinal)).toEqual(ordinary.map((_, i) => i + 1));
      expect(new Set(numbering.sections.map((s) => s.sectionId)).size).toBe(numbering.sections.length);
      const inserted = ordinary.filter((s) => s.sectionId === 'from-a' || s.sectionId === 'from-b').map((s) => s.ordinal).sort();
      expect(inserted).toEqual([2, 3]);
      // Every later section moved down by two, and references to them follow.
      expect(crossRefLabel(numbering, 'definitions', lang)).toBe(lang === 'en' ? 'Section 5' : 'artículo 5');
    }
    // The two languages keep the same order of section ids.
    const ids = (lang: 'en' | 'es') => (content[lang].content ?? []).filter((n) => n.type === 'section').map((n) => n.attrs?.sectionId);
    expect(ids('en')).toEqual(ids('es'));
    a.destroy();
    b.destroy();
  });
});
