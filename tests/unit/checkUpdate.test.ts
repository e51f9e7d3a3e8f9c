import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, UpdateRejected } from '../../server/collab/checkUpdate';
import { writeBilingualContent } from '../../client/shared/bill/yBill';
import { emptyBill } from '../../client/shared/bill/emptyBill';
import { templateToContent } from '../../client/shared/bill/templateToContent';
import { loadTemplates } from '../../server/templates/loadTemplates';
import { ALIGNMENT_KEY, recordEdit } from '../../client/shared/bill/alignment';
import {
  blockFragment, blockMap, blocksOf, deleteBlock, insertBlock, migrateLegacyLayout, moveSection, orderOf, replaceBlockContent,
  restoreBlock, setParameterValue,
} from '../../client/shared/layout';
import { META_MAP } from '../../client/shared/bill/yBill';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { billSchema } from '../../client/shared/schema/billSchema';

const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(META_MAP);
const forfeiture = templateToContent(loadTemplates('templates').templates.get('tco-civil-forfeiture')!);

function bill(): Y.Doc {
  const doc = new Y.Doc();
  writeBilingualContent(doc, forfeiture);
  return doc;
}

function copy(doc: Y.Doc): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
}

/** What `fn` changes on a copy of `base`, as the update a client would send, checked against `base`. */
function check(base: Y.Doc, fn: (doc: Y.Doc) => void): () => void {
  const client = copy(base);
  const sv = Y.encodeStateVector(client);
  fn(client);
  const update = Y.encodeStateAsUpdate(client, sv);
  return () => checkUpdate(update, base);
}

/** The first text of the first provision of section `id` in `lang`. */
function provision(doc: Y.Doc, id: string, lang: 'en' | 'es'): Y.XmlText {
  const el = blockFragment(doc, id, lang)!.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'provision') as Y.XmlElement;
  return el.get(0) as Y.XmlText;
}

describe('updates are checked before they touch a document', () => {
  it('accepts a whole bill written as blocks, and a blank one', () => {
    expect(() => checkUpdate(Y.encodeStateAsUpdate(bill()), new Y.Doc())).not.toThrow();
    const blank = new Y.Doc();
    writeBilingualContent(blank, emptyBill({ en: 'Act', es: 'Ley' }));
    expect(() => checkUpdate(Y.encodeStateAsUpdate(blank), new Y.Doc())).not.toThrow();
  });

  it('accepts every honest edit, finding parents in the document', () => {
    const doc = bill();
    const edits: ((d: Y.Doc) => void)[] = [
      (d) => provision(d, 'purpose', 'en').insert(3, 'typed '),
      (d) => provision(d, 'purpose', 'es').format(0, 5, { bold: true }),
      (d) => provision(d, 'notice', 'en').delete(0, 10),
      (d) => insertBlock(d, { kind: 'section', afterId: 'purpose' }),
      (d) => insertBlock(d, { kind: 'transitory', id: 'nuevo-transitorio' }),
      (d) => moveSection(d, 'definitions', 1),
      (d) => deleteBlock(d, 'notice', 'Ana'),
      (d) => {
        deleteBlock(d, 'claims', 'Ana');
        restoreBlock(d, 'claims');
      },
      (d) => replaceBlockContent(d, 'purpose', 'en', [{ type: 'sectionHeading', content: [{ type: 'text', text: 'Aims' }] }, { type: 'provision', attrs: { level: 1 }, content: [{ type: 'text', text: 'New.' }] }]),
      (d) => setParameterValue(d, 'stateName', 'en', 'Arizona'),
      (d) => recordEdit(d, 'purpose', 'en', 'Ana'),
      (d) => (metaOf(d).get(ALIGNMENT_KEY) as Y.Map<unknown> | undefined)?.set('purpose', { at: 'now' }),
    ];
    for (const edit of edits) expect(check(doc, edit)).not.toThrow();
  });

  it('rejects the bytes that once hung Y.applyUpdate (yjs issue #479)', () => {
    expect(() => checkUpdate(new Uint8Array(Buffer.from('garbagedoc', 'base64')), new Y.Doc())).toThrow(UpdateRejected);
  });

  it('rejects an update whose delete set is truncated, which Yjs would half-apply before throwing', () => {
    const doc = bill();
    provision(doc, 'purpose', 'en').delete(0, 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => checkUpdate(update.slice(0, update.length - 1), new Y.Doc())).toThrow(UpdateRejected);
  });

  it('rejects other roots, the legacy language roots, and elements the schema does not know', () => {
    const doc = bill();
    expect(check(doc, (d) => d.getMap('secret').set('x', 1))).toThrow(/unknown root type "secret"/);
    expect(check(doc, (d) => d.getXmlFragment('en').insert(0, [new Y.XmlElement('billTitle')]))).toThrow(/read-only/);
    expect(check(doc, (d) => blockFragment(d, 'purpose', 'en')!.insert(0, [new Y.XmlElement('script')]))).toThrow(/unknown element "script"/);
    expect(check(doc, (d) => metaOf(d).set('x', new Y.XmlElement('script')))).toThrow(/unknown element "script"/);
    expect(check(doc, (d) => metaOf(d).set('x', new Y.XmlHook('h')))).toThrow(/hooks/);
  });

  it('keeps the order to block ids, and blocks to maps under valid ids', () => {
    const doc = bill();
    expect(check(doc, (d) => orderOf(d).push([42 as unknown as string]))).toThrow(/block ids only/);
    expect(check(doc, (d) => orderOf(d).push(['Not An Id!']))).toThrow(/block ids only/);
    expect(check(doc, (d) => orderOf(d).insert(0, [new Y.Map() as unknown as string]))).toThrow(/block ids only/);
    expect(check(doc, (d) => (blocksOf(d) as unknown as Y.Map<unknown>).set('x-1', 'text'))).toThrow(/a block is a map/);
    expect(check(doc, (d) => blocksOf(d).set('Bad Key', new Y.Map()))).toThrow(/keyed by block id/);
    expect(check(doc, (d) => orderOf(d).push(['fine-id']))).not.toThrow();
  });

  it('keeps a block map to its keys, a known kind, a form, and two fragments', () => {
    const doc = bill();
    const block = (d: Y.Doc) => blockMap(d, 'purpose')!;
    expect(check(doc, (d) => block(d).set('colour', 'red'))).toThrow(/may not hold "colour"/);
    expect(check(doc, (d) => block(d).set('kind', 'poem'))).toThrow(/"kind"/);
    expect(check(doc, (d) => block(d).set('form', 'fr'))).toThrow(/"form"/);
    expect(check(doc, (d) => block(d).set('deleted', 'yes'))).toThrow(/"deleted"/);
    expect(check(doc, (d) => block(d).set('fr', new Y.XmlFragment()))).toThrow(/may not hold "fr"/);
    expect(check(doc, (d) => block(d).set('en', new Y.XmlElement('provision')))).toThrow(/must be a fragment/);
    expect(check(doc, (d) => block(d).set('es', new Y.Map()))).toThrow(/must be a fragment/);
    expect(check(doc, (d) => block(d).set('createdBy', 'Ana'))).not.toThrow();
    // A new block's kind decides what its fragments may hold, in the same update.
    const titled = (kind: string, node: string) => (d: Y.Doc) => {
      const map = new Y.Map<unknown>();
      blocksOf(d).set('new-block', map);
      map.set('kind', kind);
      const fragment = new Y.XmlFragment();
      map.set('en', fragment);
      fragment.insert(0, [new Y.XmlElement(node)]);
    };
    expect(check(doc, titled('title', 'billTitle'))).not.toThrow();
    expect(check(doc, titled('title', 'provision'))).toThrow(/"provision" may not stand in a title block/);
  });

  it('allows at the top of a block only what its kind holds, and inside elements only what the schema allows', () => {
    const doc = bill();
    const fragment = (d: Y.Doc, id: string) => blockFragment(d, id, 'en')!;
    expect(check(doc, (d) => fragment(d, 'purpose').insert(0, [new Y.XmlElement('section')]))).toThrow(/"section" may not stand in a section block/);
    expect(check(doc, (d) => fragment(d, 'purpose').insert(0, [new Y.XmlText('loose')]))).toThrow(/text may not stand/);
    expect(check(doc, (d) => fragment(d, 'title-any-1').insert(1, [new Y.XmlElement('provision')]))).toThrow(/"provision" may not stand in a title block/);
    expect(check(doc, (d) => fragment(d, 'purpose').insert(2, [new Y.XmlElement('provision')]))).not.toThrow();
    const heading = (d: Y.Doc) => fragment(d, 'purpose').get(0) as Y.XmlElement;
    expect(check(doc, (d) => heading(d).insert(0, [new Y.XmlElement('provision')]))).toThrow(/"provision" may not stand in "sectionHeading"/);
    expect(check(doc, (d) => heading(d).insert(0, [new Y.XmlElement('parameter')]))).not.toThrow();
    expect(check(doc, (d) => heading(d).setAttribute('x', new Y.Map() as unknown as string))).toThrow(/plain values/);
    expect(check(doc, (d) => provision(d, 'purpose', 'en').insertEmbed(0, new Y.Map()))).toThrow(/characters and formatting/);
  });

  it('rejects an item whose parent neither the update nor the document has', () => {
    const doc = bill();
    expect(check(doc, (d) => provision(d, 'purpose', 'en').insert(0, 'x'))).not.toThrow();
    const orphan = copy(doc);
    const sv = Y.encodeStateVector(orphan);
    provision(orphan, 'purpose', 'en').insert(0, 'x');
    expect(() => checkUpdate(Y.encodeStateAsUpdate(orphan, sv), new Y.Doc())).toThrow(/parent is unknown/);
  });

  it('lets the server convert a legacy document, which no client may write', () => {
    const legacy = new Y.Doc();
    for (const lang of ['en', 'es'] as const) prosemirrorJSONToYXmlFragment(billSchema, forfeiture[lang], legacy.getXmlFragment(lang));
    expect(() => checkUpdate(Y.encodeStateAsUpdate(legacy), new Y.Doc())).toThrow(/read-only/);
    const sv = Y.encodeStateVector(legacy);
    const before = copy(legacy);
    migrateLegacyLayout(legacy);
    // The conversion only deletes from the old roots and writes blocks: its update keeps the shape.
    expect(() => checkUpdate(Y.encodeStateAsUpdate(legacy, sv), before)).not.toThrow();
  });
});
