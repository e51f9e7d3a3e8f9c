import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBilingualContent, writeBilingualContent } from '../../client/shared/bill/yBill';
import { emptyBill } from '../../client/shared/bill/emptyBill';

describe('reading a document the schema does not fully allow', () => {
  it('drops the offending blocks instead of failing', () => {
    const doc = new Y.Doc();
    writeBilingualContent(doc, emptyBill({ en: 'Act', es: 'Ley' }, 's-1'));
    doc.getXmlFragment('en').insert(1, [new Y.XmlText('loose text'), new Y.XmlElement('script')]);
    const content = readBilingualContent(doc);
    expect(content.en.content?.map((n) => n.type)).toEqual(['billTitle', 'section']);
    expect(content.es.content?.map((n) => n.type)).toEqual(['billTitle', 'section']);
  });
});
