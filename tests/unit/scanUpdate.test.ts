import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate, UPDATE_LIMITS } from '../../server/collab/scanUpdate';
import { checkUpdate, UpdateRejected } from '../../server/collab/checkUpdate';
import { writeBilingualContent, readBilingualContent } from '../../client/shared/bill/yBill';
import { templateToContent } from '../../client/shared/bill/templateToContent';
import { loadTemplates } from '../../server/templates/loadTemplates';
import { generateBill } from '../bench/generateBill';
import { provisionText } from '../helpers/billText';
import {
  bitFlipped, deepMeta, deepSections, forwardReference, hugeTextInsert, hugeVarints, manyClients, truncated,
} from '../helpers/hostileUpdates';

const forfeiture = templateToContent(loadTemplates('templates').templates.get('tco-civil-forfeiture')!);
const none = () => 0;

function bill(): Y.Doc {
  const doc = new Y.Doc();
  writeBilingualContent(doc, forfeiture);
  return doc;
}

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof UpdateRejected) return err.message;
    throw err;
  }
  return null;
};

describe('an update is scanned before anything costly', () => {
  it('cuts a 200-page bill into pieces that give the same document, each a valid update', () => {
    const source = new Y.Doc();
    writeBilingualContent(source, generateBill(200));
    source.transact(() => provisionText(source, 'en').delete(0, 40)); // a delete set too
    const update = Y.encodeStateAsUpdate(source);
    const { structs, pieces } = scanUpdate(update, none, 1000, 128 * 1024);
    expect(structs).toBe(Y.decodeUpdate(update).structs.length);
    expect(pieces.length).toBeGreaterThan(20);
    const rebuilt = new Y.Doc();
    for (const piece of pieces) Y.applyUpdate(rebuilt, piece);
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(rebuilt.store.pendingDs).toBeNull();
    expect(readBilingualContent(rebuilt)).toEqual(readBilingualContent(source));
    expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(update);
  });

  it('keeps a small update whole', () => {
    const doc = bill();
    const sv = Y.encodeStateVector(doc);
    provisionText(doc, 'en').insert(0, 'typed ');
    const update = Y.encodeStateAsUpdate(doc, sv);
    expect(scanUpdate(update, (c) => Y.getState(doc.store, c), 1000, 128 * 1024).pieces).toEqual([update]);
  });

  it('refuses what honest editing never sends, from the first bytes that show it', () => {
    expect(reason(() => scanUpdate(manyClients(150_000), none))).toBe(`the number of clients 150000 is more than ${UPDATE_LIMITS.clients}`);
    expect(reason(() => scanUpdate(hugeTextInsert(2 * 1024 * 1024), none))).toMatch(/^a text \d+ is more than 1048576$/);
    expect(reason(() => scanUpdate(new Uint8Array(1024), none))).toBe('1022 bytes after the update');
    expect(hugeVarints().map((u) => reason(() => scanUpdate(u, none)))).toEqual([
      'the number of clients 4294967295 is more than 256',
      'the number of structs 4294967295 is more than 7',
      'a clock 562949953421311 is more than 1099511627776',
      'a text 4294967295 is more than 1048576',
      'the number of deletes 4294967295 is more than 7',
      'a delete length 562949953421311 is more than 1099511627776',
    ]);
  });

  it('refuses structs past the document\'s clocks, deletes of what nobody has, and references forward', () => {
    const doc = bill();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(client);
    provisionText(client, 'en').insert(0, 'a');
    const first = Y.encodeStateAsUpdate(client, sv);
    const sv2 = Y.encodeStateVector(client);
    provisionText(client, 'en').insert(1, 'b');
    const second = Y.encodeStateAsUpdate(client, sv2);
    // The second edit without the first: Yjs would keep it pending and retry it on every update.
    expect(reason(() => checkUpdate(second, doc))).toMatch(/^structs of client \d+ start at \d+, past the \d+ the document has$/);
    expect(reason(() => checkUpdate(first, doc))).toBeNull();
    provisionText(client, 'en').delete(0, 1);
    expect(reason(() => checkUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(client)), doc))).toMatch(/^deletes clocks \d+–\d+ of client \d+, of which only \d+ exist$/);
    // A right origin pointing at a later clock of its own client (Yjs throws half-way through applying it).
    expect(reason(() => scanUpdate(forwardReference(), none))).toBe('an origin refers forward to clock 2 of its own client');
  });
});

describe('hostile updates are refused fast, honest ones pass', () => {
  it.each([3_000, 100_000])('refuses sections nested %i deep', (depth) => {
    const update = deepSections(depth);
    const started = performance.now();
    expect(reason(() => checkUpdate(update, bill()))).toBe('shared types nested deeper than 8');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(reason(() => checkUpdate(deepSections(2), bill()))).toBe('"section" may not stand in a section block');
  });

  it('refuses maps nested 100,000 deep in meta, and a value nested deeper than 16', () => {
    expect(reason(() => checkUpdate(deepMeta(100_000), bill()))).toBe('shared types nested deeper than 8');
    expect(reason(() => checkUpdate(deepMeta(5), bill()))).toBe('document state nested deeper than 3 levels');
    expect(reason(() => checkUpdate(deepMeta(3), bill()))).toBeNull();
    const doc = new Y.Doc();
    let value: unknown = 1;
    for (let i = 0; i < 20; i++) value = [value];
    doc.getMap('meta').set('deep', value);
    expect(reason(() => checkUpdate(Y.encodeStateAsUpdate(doc), bill()))).toBe('a value is nested deeper than 16');
  });

  it('applies no bit-flipped or truncated copy of a real state; what it accepts changes nothing', () => {
    const doc = bill();
    const state = Y.encodeStateAsUpdate(doc);
    const before = readBilingualContent(doc);
    let refused = 0;
    for (const copy of [...bitFlipped(state, 80), ...truncated(state, 20)]) {
      if (reason(() => checkUpdate(copy, doc))) {
        refused++;
        continue;
      }
      const sv = Y.encodeStateVector(doc);
      let changed = false;
      const onUpdate = () => (changed = true);
      doc.on('update', onUpdate);
      Y.applyUpdate(doc, copy);
      doc.off('update', onUpdate);
      expect(changed).toBe(false);
      expect(Y.encodeStateVector(doc)).toEqual(sv);
    }
    expect(refused).toBeGreaterThanOrEqual(95);
    expect(readBilingualContent(doc)).toEqual(before);
  });

  it('accepts an update sent twice, and one repeating part of what the document has', () => {
    const doc = bill();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(client);
    provisionText(client, 'en').insert(0, 'abc');
    const update = Y.encodeStateAsUpdate(client, sv);
    checkUpdate(update, doc);
    Y.applyUpdate(doc, update);
    expect(reason(() => checkUpdate(update, doc))).toBeNull();
    provisionText(client, 'en').insert(3, 'def');
    expect(reason(() => checkUpdate(Y.encodeStateAsUpdate(client, sv), doc))).toBeNull();
  });
});
