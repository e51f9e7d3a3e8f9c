import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { loadTemplates } from '../../server/templates/loadTemplates';
import { templateToContent } from '../../client/shared/bill/templateToContent';
import { billSchema } from '../../client/shared/schema/billSchema';
import {
  blockInfo, deleteBlock, deletedBlocks, isLegacyLayout, migrateLegacyLayout, moveSection, orderOf, readBilingualContent,
  restoreBlock, visibleBlocks, visibleOrder, writeBilingualContent, insertBlock, setParameterValue, replaceBlockContent,
  blockFragment, readBlockRecords, writeBlockRecords, upsertBlock, setOrder, rootPlace, childPlace, shapeRefusal, kindSetBy,
} from '../../client/shared/layout';

const library = loadTemplates('templates');
const forfeiture = templateToContent(library.templates.get('tco-civil-forfeiture')!);
const mou = templateToContent(library.templates.get('binational-mou')!);

function fresh(content = forfeiture): Y.Doc {
  const doc = new Y.Doc();
  writeBilingualContent(doc, content);
  return doc;
}

const sectionIds = (doc: Y.Doc) => visibleBlocks(doc).filter((b) => b.kind === 'section' || b.kind === 'transitory').map((b) => b.id);

describe('block layout', () => {
  it('writes a template as blocks and reads back the same whole-document content', () => {
    for (const content of [forfeiture, mou]) {
      const doc = fresh(content);
      const back = readBilingualContent(doc);
      for (const lang of ['en', 'es'] as const) {
        expect(billSchema.nodeFromJSON(back[lang]).eq(billSchema.nodeFromJSON(content[lang]))).toBe(true);
      }
    }
  });

  it('groups the front matter: title, enacting clause, one preamble per heading, sections, closing, signatures', () => {
    const kinds = visibleBlocks(fresh()).map((b) => `${b.kind}:${b.form}`);
    expect(kinds.slice(0, 3)).toEqual(['title:any', 'enactingClause:us', 'preamble:mx']);
    expect(kinds.filter((k) => k.startsWith('section')).length).toBe(21);
    expect(kinds.filter((k) => k.startsWith('transitory')).length).toBe(3);
    expect(visibleBlocks(fresh(mou)).map((b) => b.kind).filter((k) => k !== 'section')).toEqual(['title', 'preamble', 'preamble', 'closing', 'signature', 'signature']);
  });

  it('moves a section by its id only, keeping its content, and both languages in one order', () => {
    const doc = fresh();
    const before = sectionIds(doc);
    expect(moveSection(doc, 'definitions', -1)).toBe(true);
    const after = sectionIds(doc);
    expect(after.slice(0, 3)).toEqual(['short-title', 'definitions', 'purpose']);
    expect(after.length).toBe(before.length);
    const content = readBilingualContent(doc);
    for (const lang of ['en', 'es'] as const) {
      expect((content[lang].content ?? []).filter((n) => n.type === 'section').map((n) => n.attrs?.sectionId)).toEqual(after);
    }
    // A section cannot move past the title or the preamble.
    expect(moveSection(doc, 'short-title', -1)).toBe(false);
  });

  it('deletes a section keeping its content, and restores it where it stood', () => {
    const doc = fresh();
    expect(deleteBlock(doc, 'purpose', 'Ana')).toBe(true);
    expect(sectionIds(doc)).not.toContain('purpose');
    expect(deletedBlocks(doc).map((b) => [b.id, b.deleted?.by, b.deleted?.after])).toEqual([['purpose', 'Ana', 'short-title']]);
    expect(restoreBlock(doc, 'purpose')).toBe(true);
    expect(sectionIds(doc).slice(0, 2)).toEqual(['short-title', 'purpose']);
    expect(blockInfo(doc, 'purpose')?.deleted).toBeNull();
  });

  it('shows the first of duplicate ids, hides deleted ones, and the next writer cleans up', () => {
    const a = fresh();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSection(a, 'definitions', 1);
    moveSection(b, 'definitions', 1);
    moveSection(b, 'definitions', 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(orderOf(a).toArray().filter((id) => id === 'definitions').length).toBe(2);
    expect(visibleOrder(a)).toEqual(visibleOrder(b));
    expect(visibleOrder(a).filter((id) => id === 'definitions').length).toBe(1);
    insertBlock(a, { kind: 'section', afterId: 'purpose' });
    moveSection(a, 'purpose', 1);
    expect(orderOf(a).toArray().filter((id) => id === 'definitions').length).toBe(1);
  });

  it('a move racing a delete does not bring the section back', () => {
    const a = fresh();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    deleteBlock(a, 'notice', 'A');
    moveSection(b, 'notice', -1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(visibleOrder(a)).not.toContain('notice');
    expect(visibleOrder(b)).toEqual(visibleOrder(a));
  });

  it('fills parameters and replaces a block language changing only what differs', () => {
    const doc = fresh();
    expect(setParameterValue(doc, 'stateName', 'en', 'Arizona')).toBeGreaterThan(1);
    expect(JSON.stringify(readBilingualContent(doc).en)).toContain('"value":"Arizona"');
    expect(JSON.stringify(readBilingualContent(doc).es)).not.toContain('"value":"Arizona"');
    expect(replaceBlockContent(doc, 'purpose', 'en', [{ type: 'sectionHeading', content: [{ type: 'text', text: 'Aims' }] }, { type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text: 'New.' }] }])).toBe(true);
    const purpose = (readBilingualContent(doc).en.content ?? []).find((n) => n.attrs?.sectionId === 'purpose');
    expect(JSON.stringify(purpose)).toContain('Aims');
  });
});

describe('conversion of the layout before blocks', () => {
  function legacy(content = forfeiture): Y.Doc {
    const doc = new Y.Doc();
    for (const lang of ['en', 'es'] as const) prosemirrorJSONToYXmlFragment(billSchema, content[lang], doc.getXmlFragment(lang));
    return doc;
  }

  it('reads a legacy document, converts it once, and carries comment anchors over', () => {
    const doc = legacy();
    expect(isLegacyLayout(doc)).toBe(true);
    const before = readBilingualContent(doc);
    const section = doc.getXmlFragment('es').toArray().find((n) => n instanceof Y.XmlElement && n.getAttribute('sectionId') === 'purpose') as Y.XmlElement;
    const text = (section.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const quote = text.toString().slice(4, 20);
    const anchors = [Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 4)), Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 20))];
    const { migrated, anchors: moved } = migrateLegacyLayout(doc, anchors);
    expect(migrated).toBe(true);
    expect(isLegacyLayout(doc)).toBe(false);
    expect(doc.getXmlFragment('en').length).toBe(0);
    const after = readBilingualContent(doc);
    for (const lang of ['en', 'es'] as const) expect(billSchema.nodeFromJSON(after[lang]).eq(billSchema.nodeFromJSON(before[lang]))).toBe(true);
    const s = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(moved[0]!), doc)!;
    const e = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(moved[1]!), doc)!;
    expect(s.type).toBe(e.type);
    expect((s.type as Y.XmlText).toString().slice(s.index, e.index)).toBe(quote);
    expect(migrateLegacyLayout(doc).migrated).toBe(false);
  });
});

describe('copying blocks, restoring them and setting the order', () => {
  const anchorIn = (doc: Y.Doc, id: string, at: number) => {
    const provision = blockFragment(doc, id, 'en')!.get(1) as Y.XmlElement;
    return Y.createRelativePositionFromTypeIndex(provision.get(0) as Y.XmlText, at);
  };
  const textAt = (doc: Y.Doc, rel: Y.RelativePosition) => {
    const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc)!;
    return (abs.type as Y.XmlText).toString().slice(abs.index, abs.index + 10);
  };

  it('copies blocks with their ids, kinds, forms and content', () => {
    const model = fresh();
    insertBlock(model, { kind: 'signature', id: 's-signature', content: { en: [{ type: 'signatureBlock' }], es: [{ type: 'signatureBlock' }] } });
    const copy = new Y.Doc();
    writeBlockRecords(copy, readBlockRecords(model));
    expect(visibleBlocks(copy)).toEqual(visibleBlocks(model));
    expect(readBilingualContent(copy)).toEqual(readBilingualContent(model));
  });

  it('upserts a block changing only what differs, undeleting it, or creating it outside the order', () => {
    const doc = fresh();
    const record = readBlockRecords(doc).find((r) => r.id === 'purpose')!;
    const anchor = anchorIn(doc, 'purpose', 5);
    const before = textAt(doc, anchor);
    const heading = { type: 'sectionHeading', content: [{ type: 'text', text: 'Aims' }] };
    deleteBlock(doc, 'purpose', 'Ana');
    upsertBlock(doc, { ...record, content: { ...record.content, en: [heading, ...record.content.en.slice(1)] } });
    expect(blockInfo(doc, 'purpose')?.deleted).toBeNull();
    expect(textAt(doc, anchor)).toBe(before);
    expect(blockFragment(doc, 'purpose', 'en')!.get(0).toString()).toContain('Aims');
    upsertBlock(doc, { ...record, id: 'purpose-copy' });
    expect(blockInfo(doc, 'purpose-copy')?.kind).toBe('section');
    expect(orderOf(doc).toArray()).not.toContain('purpose-copy');
  });

  it('sets the order keeping entries in sequence, so a concurrent insert still lands where it was meant', () => {
    const a = fresh();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const shown = visibleOrder(a);
    const wanted = shown.filter((id) => id !== 'notice');
    const at = wanted.indexOf('definitions');
    wanted.splice(at, 1);
    wanted.splice(2, 0, 'definitions', 'definitions', 'no-such-block');
    deleteBlock(a, 'claims', 'Ana');
    setOrder(a, wanted);
    expect(visibleOrder(a)).toEqual(wanted.filter((id, i) => id !== 'claims' && id !== 'no-such-block' && wanted.indexOf(id) === i));
    expect(orderOf(a).toArray()).toEqual(visibleOrder(a));
    // Meanwhile b inserted a section after "seizure", which setOrder did not move.
    insertBlock(b, { kind: 'section', id: 'from-b', afterId: 'seizure' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const order = visibleOrder(a);
    expect(order[order.indexOf('seizure') + 1]).toBe('from-b');
  });
});

describe('the shape an update must keep', () => {
  const any = (v: unknown) => new Y.ContentAny([v]);
  const type = (t: Y.ContentType['type']) => new Y.ContentType(t);

  it('places types from the roots down and refuses what the layout does not hold', () => {
    const blocks = rootPlace('blocks')!;
    expect(rootPlace('secret')).toBeNull();
    expect(shapeRefusal(rootPlace('en')!, null, type(new Y.XmlElement('billTitle')))).toMatch(/read-only/);
    expect(shapeRefusal(rootPlace('order')!, null, new Y.ContentAny(['purpose', 'notice']))).toBeNull();
    expect(shapeRefusal(blocks, 'purpose', type(new Y.Map()))).toBeNull();
    const block = childPlace(blocks, 'purpose', new Y.Map(), null);
    expect(block).toEqual({ at: 'block' });
    expect(shapeRefusal(block, 'kind', any('transitory'))).toBeNull();
    expect(shapeRefusal(block, 'kind', any('limerick'))).toMatch(/"kind"/);
    const fragment = childPlace(block, 'es', new Y.XmlFragment(), 'signature');
    expect(fragment).toEqual({ at: 'fragment', kind: 'signature' });
    expect(shapeRefusal(fragment, null, type(new Y.XmlElement('signatureBlock')))).toBeNull();
    expect(shapeRefusal(fragment, null, type(new Y.XmlElement('provision')))).toMatch(/may not stand in a signature block/);
    expect(kindSetBy('kind', any('preamble'))).toBe('preamble');
    expect(kindSetBy('form', any('us'))).toBeNull();
  });
});
