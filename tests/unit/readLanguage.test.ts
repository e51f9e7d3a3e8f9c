import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { readBilingualContent, writeBilingualContent } from '../../client/shared/bill/yBill';
import { emptyBill } from '../../client/shared/bill/emptyBill';
import { billSchema } from '../../client/shared/schema/billSchema';
import { blockFragment, blocksOf, orderOf } from '../../client/shared/layout';

const types = (nodes: { type: string }[] | undefined) => nodes?.map((n) => n.type);

describe('reading a document the schema does not fully allow', () => {
  it('repairs a block and leaves out what the layout does not know, instead of failing', () => {
    const doc = new Y.Doc();
    writeBilingualContent(doc, emptyBill({ en: 'Act', es: 'Ley' }, 's-1'));
    blockFragment(doc, 's-1', 'en')!.insert(1, [new Y.XmlText('loose text'), new Y.XmlElement('script')]);
    const odd = new Y.Map<unknown>();
    blocksOf(doc).set('s-odd', odd);
    odd.set('kind', 'limerick');
    orderOf(doc).push(['s-odd', 'no-such-block', 's-1']);
    const content = readBilingualContent(doc);
    for (const lang of ['en', 'es'] as const) {
      expect(types(content[lang].content)).toEqual(['billTitle', 'section']);
      expect(types(content[lang].content?.[1]?.content)).toEqual(['sectionHeading', 'provision']);
    }
  });

  it('drops the offending blocks of a document in the layout before blocks', () => {
    const doc = new Y.Doc();
    const bill = emptyBill({ en: 'Act', es: 'Ley' }, 's-1');
    for (const lang of ['en', 'es'] as const) prosemirrorJSONToYXmlFragment(billSchema, bill[lang], doc.getXmlFragment(lang));
    doc.getXmlFragment('en').insert(1, [new Y.XmlText('loose text'), new Y.XmlElement('script')]);
    const content = readBilingualContent(doc);
    expect(types(content.en.content)).toEqual(['billTitle', 'section']);
    expect(types(content.es.content)).toEqual(['billTitle', 'section']);
  });
});
