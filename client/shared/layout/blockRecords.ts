import type * as Y from 'yjs';
import { LANGS } from '../bill/Lang';
import type { PMJSON } from '../bill/yBill';
import type { BlockKind } from '../schema/blockSchemas';
import type { BlockForm } from '../schema/FormAttribute';
import { blockFragment, blockInfo, blockMap, orderOf, visibleBlocks, STRUCTURE_ORIGIN } from './roots';
import { readBlock } from './readLayout';
import { putBlock, replaceBlockContent, type BlockContent } from './writeLayout';

/** One block as it stands: its id, kind and form, and its content in both languages (top-level nodes of its kind's schema). */
export interface BlockRecord {
  id: string;
  kind: BlockKind;
  form: BlockForm;
  content: BlockContent;
}

/** The shown blocks in reading order, each with its content in both languages. */
export function readBlockRecords(ydoc: Y.Doc): BlockRecord[] {
  return visibleBlocks(ydoc).map((b) => ({
    id: b.id,
    kind: b.kind,
    form: b.form,
    content: { en: (readBlock(ydoc, b, 'en').toJSON() as PMJSON).content ?? [], es: (readBlock(ydoc, b, 'es').toJSON() as PMJSON).content ?? [] },
  }));
}

/** Writes blocks into an empty document in this order, keeping their ids, kinds and forms (a variant made from its model). */
export function writeBlockRecords(ydoc: Y.Doc, records: readonly BlockRecord[]): void {
  ydoc.transact(() => {
    for (const r of records) putBlock(ydoc, r.id, r.kind, r.form, r.content);
    orderOf(ydoc).push(records.map((r) => r.id));
  });
}

/**
 * Makes block `record.id` hold the record's kind, form and content, and not deleted. A block that
 * exists changes only what differs in each language (text typed or commented elsewhere in it
 * survives); a missing one is created. Where it stands in `order` is the caller's to set.
 */
export function upsertBlock(ydoc: Y.Doc, record: BlockRecord, origin: unknown = STRUCTURE_ORIGIN): void {
  const block = blockMap(ydoc, record.id);
  const whole = block && blockInfo(ydoc, record.id) && LANGS.every((lang) => blockFragment(ydoc, record.id, lang));
  ydoc.transact(() => {
    if (!block || !whole) {
      putBlock(ydoc, record.id, record.kind, record.form, record.content);
      return;
    }
    if (block.get('kind') !== record.kind) block.set('kind', record.kind);
    if (block.get('form') !== record.form) block.set('form', record.form);
    if (block.has('deleted')) block.delete('deleted');
    for (const lang of LANGS) replaceBlockContent(ydoc, record.id, lang, record.content[lang], origin);
  }, origin);
}
