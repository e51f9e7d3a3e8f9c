import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectClient, eventually } from '../helpers/yClient';
import { billSchema } from '../../client/shared/schema/billSchema';
import { computeNumbering, crossRefLabel } from '../../client/shared/bill/numbering';
import { readBilingualContent, type BilingualContent } from '../../client/shared/bill/yBill';
import { insertBlock, visibleBlocks, visibleOrder, type BlockContent } from '../../client/shared/layout';

/** A new section's content in both languages: a heading and one empty provision. */
function sectionContent(heading: string): BlockContent {
  const lang = (l: string) => [{ type: 'sectionHeading', content: [{ type: 'text', text: `${heading} ${l}` }] }, { type: 'provision', attrs: { level: 0 } }];
  return { en: lang('en'), es: lang('es') };
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
    const sectionsOf = (d: Y.Doc) => visibleBlocks(d).filter((b) => b.kind === 'section');
    const before = sectionsOf(a.doc).length;
    const first = sectionsOf(a.doc)[0]?.id ?? '';

    // Both insert a new section right after the first one, in both languages at once, without seeing each other.
    a.provider.disconnect();
    b.provider.disconnect();
    insertBlock(a.doc, { kind: 'section', id: 'from-a', afterId: first, content: sectionContent('A') });
    insertBlock(b.doc, { kind: 'section', id: 'from-b', afterId: first, content: sectionContent('B') });
    a.provider.connect();
    b.provider.connect();
    await Promise.all([a.synced(), b.synced()]);
    await Promise.all([a.allAcked(), b.allAcked()]);
    await eventually(() => sectionsOf(a.doc).length === before + 2 && sectionsOf(b.doc).length === before + 2, 'both inserts everywhere');
    expect(visibleOrder(a.doc)).toEqual(visibleOrder(b.doc));
    expect(JSON.stringify(readBilingualContent(a.doc))).toBe(JSON.stringify(readBilingualContent(b.doc)));

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
