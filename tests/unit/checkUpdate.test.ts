import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, UpdateRejected } from '../../server/collab/checkUpdate';
import { writeBilingualContent } from '../../client/shared/bill/yBill';
import { emptyBill } from '../../client/shared/bill/emptyBill';

function billUpdate(): Uint8Array {
  const doc = new Y.Doc();
  writeBilingualContent(doc, emptyBill({ en: 'Act', es: 'Ley' }));
  return Y.encodeStateAsUpdate(doc);
}

describe('updates are checked before they touch a document', () => {
  it('accepts an honest update of the bill', () => {
    expect(() => checkUpdate(billUpdate())).not.toThrow();
  });

  it('rejects the bytes that once hung Y.applyUpdate (yjs issue #479)', () => {
    expect(() => checkUpdate(new Uint8Array(Buffer.from('garbagedoc', 'base64')))).toThrow(UpdateRejected);
  });

  it('rejects an update whose delete set is truncated, which Yjs would half-apply before throwing', () => {
    const doc = new Y.Doc();
    const text = doc.getXmlFragment('en');
    text.insert(0, [new Y.XmlText('abc')]);
    (text.get(0) as Y.XmlText).delete(0, 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => checkUpdate(update.slice(0, update.length - 1))).toThrow(UpdateRejected);
  });

  it('rejects writes to other roots and elements the schema does not know', () => {
    const other = new Y.Doc();
    other.getMap('secret').set('x', 1);
    expect(() => checkUpdate(Y.encodeStateAsUpdate(other))).toThrow(/unknown root type "secret"/);
    const script = new Y.Doc();
    script.getXmlFragment('en').insert(0, [new Y.XmlElement('script')]);
    expect(() => checkUpdate(Y.encodeStateAsUpdate(script))).toThrow(/unknown element "script"/);
  });
});
