import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap';
import type { Lang } from '../bill/Lang';
import { LANGS } from '../bill/Lang';
import type { BilingualContent, PMJSON } from '../bill/yBill';
import { blockSchema, type BlockKind } from '../schema/blockSchemas';
import type { BlockForm } from '../schema/FormAttribute';
import { FORM_BLOCKS } from '../schema/FormAttribute';
import { newSectionId } from '../bill/sectionIds';
import { blockFragment, blockMap, blocksOf, orderOf, STRUCTURE_ORIGIN } from './roots';
import { groupTopLevel, pairGroups, type TopNodeInfo } from './groupBlocks';
import { emptyBlockContent } from './readBlock';

/** The content of a new block in both languages (top-level nodes of its kind's schema). */
export type BlockContent = Record<Lang, PMJSON[]>;

/** Strips the document-level attributes (section id, kind, form) that the block map itself holds. */
function stripDocumentAttrs(nodes: PMJSON[]): PMJSON[] {
  return nodes.map((n) => {
    if (!n.attrs || !FORM_BLOCKS.includes(n.type)) return n;
    const { form: _form, ...rest } = n.attrs;
    return Object.keys(rest).length ? { ...n, attrs: rest } : { type: n.type, ...(n.content ? { content: n.content } : {}), ...(n.marks ? { marks: n.marks } : {}), ...(n.text !== undefined ? { text: n.text } : {}) };
  });
}

/** Writes a block's map and content (replacing any map under `id`); the caller puts its id in `order` and runs the transaction. */
export function putBlock(ydoc: Y.Doc, id: string, kind: BlockKind, form: BlockForm, content: Partial<BlockContent>): void {
  const block = new Y.Map<unknown>();
  blocksOf(ydoc).set(id, block);
  block.set('kind', kind);
  block.set('form', form);
  for (const lang of LANGS) {
    const fragment = new Y.XmlFragment();
    block.set(lang, fragment);
    const nodes = content[lang]?.length ? stripDocumentAttrs(content[lang]) : emptyBlockContent(kind);
    const doc = blockSchema(kind).nodeFromJSON({ type: 'doc', content: nodes });
    doc.check();
    prosemirrorJSONToYXmlFragment(blockSchema(kind), doc.toJSON(), fragment);
  }
}

function describeJSON(node: PMJSON): TopNodeInfo {
  const form = node.attrs?.form;
  return {
    type: node.type,
    form: form === 'us' || form === 'mx' ? form : 'any',
    sectionId: typeof node.attrs?.sectionId === 'string' ? node.attrs.sectionId : null,
    transitory: node.attrs?.kind === 'transitory',
  };
}

/** The content of a top-level node group, as its block holds it (a section's children). */
function groupContent(nodes: PMJSON[]): PMJSON[] {
  return nodes.flatMap((n) => (n.type === 'section' ? n.content ?? [] : [n]));
}

/**
 * Writes a bill given as whole-document ProseMirror JSON per language (a template, an import) into
 * an empty Y.Doc as blocks: one `order`, each block holding both languages. A block only one
 * language has gets empty content in the other, for a drafter to fill.
 */
export function writeBilingualContent(ydoc: Y.Doc, content: BilingualContent): void {
  const en = groupTopLevel(content.en.content ?? [], describeJSON);
  const es = groupTopLevel(content.es.content ?? [], describeJSON);
  ydoc.transact(() => {
    const ids: string[] = [];
    for (const { key, a, b } of pairGroups(en, es)) {
      const head = a ?? b;
      if (!head) continue;
      putBlock(ydoc, key, head.kind, head.form, { en: a ? groupContent(a.nodes) : [], es: b ? groupContent(b.nodes) : [] });
      ids.push(key);
    }
    orderOf(ydoc).push(ids);
  });
}

/** Where and what to insert. */
export interface NewBlock {
  kind: BlockKind;
  form?: BlockForm;
  /** Insert after this block (shown position); at the start when null, at the end when absent. */
  afterId?: string | null;
  id?: string;
  content?: Partial<BlockContent>;
}

/** Origin of the untracked half of an insertion: the block's content is created outside undo's reach. */
export const PREPARE_ORIGIN = 'puente:prepare';

/**
 * Inserts a new block (empty in both languages unless `content` says otherwise); returns its id.
 * The block is first written as deleted (untracked), then shown (with `origin`): undoing the
 * insertion therefore deletes it like any delete, keeping whatever a colleague typed into it.
 */
export function insertBlock(ydoc: Y.Doc, spec: NewBlock, origin: unknown = STRUCTURE_ORIGIN, by = ''): string {
  const id = spec.id ?? newSectionId();
  const order = orderOf(ydoc);
  const ids = order.toArray();
  let after: string | null = spec.afterId === undefined ? (ids[ids.length - 1] ?? null) : spec.afterId;
  if (after !== null && !ids.includes(after)) after = ids[ids.length - 1] ?? null;
  ydoc.transact(() => {
    putBlock(ydoc, id, spec.kind, spec.form ?? 'any', spec.content ?? {});
    blockMap(ydoc, id)?.set('deleted', { by, at: new Date().toISOString(), after });
  }, PREPARE_ORIGIN);
  ydoc.transact(() => {
    blockMap(ydoc, id)?.delete('deleted');
    const current = order.toArray();
    const index = after === null ? -1 : current.indexOf(after);
    order.insert(after === null ? 0 : index >= 0 ? index + 1 : current.length, [id]);
  }, origin);
  return id;
}

/**
 * Makes one language of a block say `nodes`, changing only what differs (so text others are typing
 * elsewhere in the block, and comments anchored there, survive).
 */
export function replaceBlockContent(ydoc: Y.Doc, id: string, lang: Lang, nodes: PMJSON[], origin: unknown = STRUCTURE_ORIGIN): boolean {
  const block = blockMap(ydoc, id);
  const kind = block?.get('kind');
  const fragment = blockFragment(ydoc, id, lang);
  if (!block || typeof kind !== 'string' || !fragment) return false;
  const schema = blockSchema(kind as BlockKind);
  const doc = schema.nodeFromJSON({ type: 'doc', content: stripDocumentAttrs(nodes.length ? nodes : emptyBlockContent(kind as BlockKind)) });
  doc.check();
  ydoc.transact(() => updateYFragment(ydoc, fragment, doc, { mapping: new Map(), isOMark: new Map() }), origin);
  return true;
}

function eachElement(node: Y.XmlFragment | Y.XmlElement, fn: (el: Y.XmlElement) => void): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      fn(child);
      eachElement(child, fn);
    }
  }
}

/**
 * Sets the value of every parameter node with `key`, in every block, in one language (null:
 * unfilled). Returns how many nodes changed.
 */
export function setParameterValue(ydoc: Y.Doc, key: string, lang: Lang, value: string | null, origin: unknown = STRUCTURE_ORIGIN): number {
  const normalized = value && value.trim() ? value : null;
  let changed = 0;
  ydoc.transact(() => {
    for (const block of blocksOf(ydoc).values()) {
      const fragment = block instanceof Y.Map ? block.get(lang) : null;
      if (!(fragment instanceof Y.XmlFragment)) continue;
      eachElement(fragment, (el) => {
        if (el.nodeName !== 'parameter' || el.getAttribute('key') !== key) return;
        const current = el.getAttribute('value') ?? null;
        if (current === normalized) return;
        if (normalized === null) el.removeAttribute('value');
        else el.setAttribute('value', normalized);
        changed++;
      });
    }
  }, origin);
  return changed;
}
