import { afterEach, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../client/shared/bill/Lang';
import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import {
  deleteBlock, deletedBlocks, insertBlock, moveSection, normalizeOrder, orderOf, readBilingualContent, restoreBlock, visibleOrder,
  STRUCTURE_ORIGIN,
} from '../../client/shared/layout';
import { apiCall } from '../helpers/testServer';
import { withServerAndAdmin, type TestServer } from '../helpers/serverSuite';
import { connectPeer, settle, type StructurePeer } from '../helpers/structurePeer';
import { blockParts, sectionParts, sectionsOf } from '../helpers/blockText';
import { typeText } from '../helpers/billText';

const SETUP_ORIGIN = 'test:setup';
const DELETED_AT = '2026-11-24T10:00:00.000Z';
/** The four sections every case starts with (after the blank bill's own), and their headings in each language. */
const HEADINGS: Record<string, Record<Lang, string>> = {
  alpha: { en: 'Scope', es: 'Ámbito' },
  beta: { en: 'Definitions', es: 'Definiciones' },
  gamma: { en: 'Forfeiture', es: 'Decomiso' },
  delta: { en: 'Notice', es: 'Notificación' },
};
const START = ['alpha', 'beta', 'gamma', 'delta'];

function sectionJSON(heading: string): PMJSON[] {
  return [{ type: 'sectionHeading', content: [{ type: 'text', text: heading }] }, { type: 'provision', attrs: { level: 0 } }];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A blank bill with alpha, beta, gamma and delta after its own first section, open in Ana's and Beto's clients. */
interface Bill {
  docId: string;
  a: StructurePeer;
  b: StructurePeer;
  /** The title block and the blank bill's own section, which stand before the four. */
  head: [string, string];
}

describe('structure edits racing typing, between real clients', () => {
  let server!: TestServer;
  let token!: string;
  withServerAndAdmin((s, t) => {
    server = s;
    token = t;
  });
  const open: StructurePeer[] = [];
  afterEach(() => open.splice(0).forEach((p) => p.client.destroy()));

  async function openBill(): Promise<Bill> {
    const created = await apiCall<{ id: string }>(server, token, 'POST', '/api/documents', { title: { en: 'Structure Act', es: 'Ley de Estructura' } });
    expect(created.status).toBe(201);
    const docId = created.body.id;
    const a = connectPeer(server.url, docId, token, 'Ana');
    const b = connectPeer(server.url, docId, token, 'Beto');
    open.push(a, b);
    await settle([a, b]);
    const [title = '', own = ''] = visibleOrder(a.doc);
    expect(title).toBe('title-any-1');
    expect(own).toMatch(/^s-[a-z0-9]{9}$/);
    let after = own;
    for (const id of START) {
      insertBlock(a.doc, { kind: 'section', id, afterId: after, content: { en: sectionJSON(HEADINGS[id]!.en), es: sectionJSON(HEADINGS[id]!.es) } }, SETUP_ORIGIN, 'Ana');
      after = id;
    }
    await settle([a, b]);
    expect(visibleOrder(b.doc)).toEqual([title, own, ...START]);
    return { docId, a, b, head: [title, own] };
  }

  /**
   * Settles, then checks that /content shows `sections` (after the bill's own) in both languages,
   * every section with its own heading in each language, and that both clients read exactly the same.
   */
  async function expectEveryoneSees(bill: Bill, sections: string[]): Promise<BilingualContent> {
    await settle([bill.a, bill.b]);
    const res = await apiCall<BilingualContent>(server, token, 'GET', `/api/documents/${bill.docId}/content`);
    expect(res.status).toBe(200);
    for (const lang of LANGS) {
      expect(sectionsOf(res.body[lang]).map((s) => s.id)).toEqual([bill.head[1], ...sections]);
      for (const id of sections.filter((s) => s in HEADINGS)) expect(sectionParts(res.body[lang], id)?.heading, `${id} ${lang}`).toBe(HEADINGS[id]![lang]);
    }
    for (const p of [bill.a, bill.b]) expect(readBilingualContent(p.doc)).toEqual(res.body);
    return res.body;
  }

  it('(a) a section moved while a colleague types into it offline keeps every character, in its new place, in both languages', async () => {
    const bill = await openBill();
    const { a, b } = bill;
    b.goOffline();
    typeText(b.doc, 'en', 'The Attorney General ', 'beta');
    typeText(b.doc, 'es', 'El Fiscal General ', 'beta');
    expect(moveSection(a.doc, 'beta', 1)).toBe(true);
    await a.client.allAcked();
    typeText(b.doc, 'en', 'may bring an action.', 'beta');
    typeText(b.doc, 'es', 'podrá ejercitar la acción.', 'beta');
    expect(visibleOrder(b.doc)).toEqual([...bill.head, ...START]);
    b.goOnline();

    const content = await expectEveryoneSees(bill, ['alpha', 'gamma', 'beta', 'delta']);
    expect(sectionParts(content.en, 'beta')).toEqual({ heading: 'Definitions', provisions: ['The Attorney General may bring an action.'] });
    expect(sectionParts(content.es, 'beta')).toEqual({ heading: 'Definiciones', provisions: ['El Fiscal General podrá ejercitar la acción.'] });
    for (const p of [a, b]) expect(orderOf(p.doc).toArray()).toEqual([...bill.head, 'alpha', 'gamma', 'beta', 'delta']);
  });

  it.each([
    ['at a 0 ms pace', 0],
    ['at a throttled pace (5 ms a keystroke)', 5],
  ])('(b) 40 keystrokes typed online %s while the section moves 3 times all arrive', async (_pace, ms) => {
    const bill = await openBill();
    const { a, b } = bill;
    const keys = Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const moves: Record<number, -1 | 1> = { 9: 1, 19: 1, 29: -1 };
    for (let k = 0; k < keys.length; k++) {
      typeText(b.doc, 'en', keys[k]!, 'beta');
      const dir = moves[k];
      if (dir) expect(moveSection(a.doc, 'beta', dir)).toBe(true);
      if (ms) await pause(ms);
    }

    const content = await expectEveryoneSees(bill, ['alpha', 'gamma', 'beta', 'delta']);
    expect(sectionParts(content.en, 'beta')).toEqual({ heading: 'Definitions', provisions: [keys] });
    expect(sectionParts(content.en, 'beta')?.provisions[0]?.length).toBe(40);
    expect(sectionParts(content.es, 'beta')).toEqual({ heading: 'Definiciones', provisions: [''] });
  });

  it('(c) two clients moving the same section opposite ways offline end with it once, in one place, en and es paired', async () => {
    const bill = await openBill();
    const { a, b } = bill;
    a.goOffline();
    b.goOffline();
    expect(moveSection(a.doc, 'beta', -1)).toBe(true);
    expect(moveSection(b.doc, 'beta', 1)).toBe(true);
    expect(visibleOrder(a.doc)).toEqual([...bill.head, 'beta', 'alpha', 'gamma', 'delta']);
    expect(visibleOrder(b.doc)).toEqual([...bill.head, 'alpha', 'gamma', 'beta', 'delta']);
    a.goOnline();
    b.goOnline();

    // Both moves leave beta in `order`; the first occurrence (Ana's) is its place.
    const content = await expectEveryoneSees(bill, ['beta', 'alpha', 'gamma', 'delta']);
    for (const lang of LANGS) expect(sectionsOf(content[lang]).filter((s) => s.id === 'beta').length).toBe(1);
    // The next structure edit by anyone cleans the duplicate without moving anything.
    b.doc.transact(() => normalizeOrder(b.doc), STRUCTURE_ORIGIN);
    expect(await expectEveryoneSees(bill, ['beta', 'alpha', 'gamma', 'delta'])).toEqual(content);
    for (const p of [a, b]) expect(orderOf(p.doc).toArray()).toEqual([...bill.head, 'beta', 'alpha', 'gamma', 'delta']);
  });

  it('(d) a section deleted while a colleague types into it keeps the text in the deleted block, and restoring brings it back in both languages', async () => {
    const bill = await openBill();
    const { a, b } = bill;
    const en = 'Seized property is held in trust.';
    const es = 'Los bienes asegurados quedan en depósito.';
    for (let k = 0; k < Math.max(en.length, es.length); k++) {
      if (en[k]) typeText(b.doc, 'en', en[k]!, 'gamma');
      if (es[k]) typeText(b.doc, 'es', es[k]!, 'gamma');
      if (k === 12) expect(deleteBlock(a.doc, 'gamma', 'Ana', STRUCTURE_ORIGIN, DELETED_AT)).toBe(true);
    }

    const content = await expectEveryoneSees(bill, ['alpha', 'beta', 'delta']);
    expect(JSON.stringify(content)).not.toContain('Seized');
    for (const p of [a, b]) {
      expect(deletedBlocks(p.doc)).toEqual([{ id: 'gamma', kind: 'section', form: 'any', deleted: { by: 'Ana', at: DELETED_AT, after: 'beta' } }]);
      expect(blockParts(p.doc, 'gamma', 'en')).toEqual({ heading: 'Forfeiture', provisions: [en] });
      expect(blockParts(p.doc, 'gamma', 'es')).toEqual({ heading: 'Decomiso', provisions: [es] });
    }

    expect(restoreBlock(b.doc, 'gamma')).toBe(true);
    const restored = await expectEveryoneSees(bill, START);
    expect(sectionParts(restored.en, 'gamma')).toEqual({ heading: 'Forfeiture', provisions: [en] });
    expect(sectionParts(restored.es, 'gamma')).toEqual({ heading: 'Decomiso', provisions: [es] });
    for (const p of [a, b]) expect(deletedBlocks(p.doc)).toEqual([]);
  });

  describe('(e) undo of structure edits, for every client', () => {
    it('undoing a move puts the section back in its old place in both languages', async () => {
      const bill = await openBill();
      const { a } = bill;
      expect(moveSection(a.doc, 'beta', 1)).toBe(true);
      await expectEveryoneSees(bill, ['alpha', 'gamma', 'beta', 'delta']);
      expect(a.undo.undoStack.length).toBe(1);
      a.undo.undo();
      await expectEveryoneSees(bill, START);
      for (const p of [bill.a, bill.b]) expect(orderOf(p.doc).toArray()).toEqual([...bill.head, ...START]);
    });

    it('undoing a delete puts the section back in its old place in both languages, with what was typed into it', async () => {
      const bill = await openBill();
      const { a, b } = bill;
      typeText(b.doc, 'en', 'Held in trust.', 'gamma');
      typeText(b.doc, 'es', 'En depósito.', 'gamma');
      expect(deleteBlock(a.doc, 'gamma', 'Ana', STRUCTURE_ORIGIN, DELETED_AT)).toBe(true);
      await expectEveryoneSees(bill, ['alpha', 'beta', 'delta']);
      expect(deletedBlocks(b.doc).map((d) => d.id)).toEqual(['gamma']);
      expect(a.undo.undoStack.length).toBe(1);
      a.undo.undo();
      const content = await expectEveryoneSees(bill, START);
      expect(sectionParts(content.en, 'gamma')).toEqual({ heading: 'Forfeiture', provisions: ['Held in trust.'] });
      expect(sectionParts(content.es, 'gamma')).toEqual({ heading: 'Decomiso', provisions: ['En depósito.'] });
      for (const p of [a, b]) expect(deletedBlocks(p.doc)).toEqual([]);
    });

    it('undoing an insert leaves the section among the deleted ones, with what a colleague typed into it', async () => {
      const bill = await openBill();
      const { a, b } = bill;
      const content = { en: sectionJSON('Penalties'), es: sectionJSON('Sanciones') };
      expect(insertBlock(a.doc, { kind: 'section', id: 'epsilon', afterId: 'beta', content }, STRUCTURE_ORIGIN, 'Ana')).toBe('epsilon');
      await expectEveryoneSees(bill, ['alpha', 'beta', 'epsilon', 'gamma', 'delta']);
      typeText(b.doc, 'en', 'Up to ten years.', 'epsilon');
      typeText(b.doc, 'es', 'Hasta diez años.', 'epsilon');
      await settle([a, b]);
      expect(a.undo.undoStack.length).toBe(1);
      a.undo.undo();

      await expectEveryoneSees(bill, START);
      for (const p of [a, b]) {
        expect(deletedBlocks(p.doc).map((d) => [d.id, d.kind, d.deleted?.by, d.deleted?.after])).toEqual([['epsilon', 'section', 'Ana', 'beta']]);
        expect(blockParts(p.doc, 'epsilon', 'en')).toEqual({ heading: 'Penalties', provisions: ['Up to ten years.'] });
        expect(blockParts(p.doc, 'epsilon', 'es')).toEqual({ heading: 'Sanciones', provisions: ['Hasta diez años.'] });
      }
    });
  });
});
