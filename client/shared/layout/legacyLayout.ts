import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Lang } from '../bill/Lang';
import { LANGS } from '../bill/Lang';
import type { BilingualContent, PMJSON } from '../bill/yBill';
import { billSchema } from '../schema/billSchema';
import { blockSchema } from '../schema/blockSchemas';
import { blocksOf, orderOf, LEGACY_ROOTS } from './roots';
import { groupTopLevel, pairGroups, type NodeGroup, type TopNodeInfo } from './groupBlocks';
import { emptyBlockContent } from './readBlock';
import { deleteDeepestFirst, nestedDeeperThan, readShallowChildren, schemaDepth } from './shallowXml';

/** Origin of the one-time conversion of a document to blocks. */
export const MIGRATE_ORIGIN = 'puente:migrate';

function legacyFragment(ydoc: Y.Doc, lang: Lang): Y.XmlFragment {
  return ydoc.getXmlFragment(lang);
}

/** Whether the document is still in the layout before blocks: whole-document `en`/`es` fragments, no `order`. */
export function isLegacyLayout(ydoc: Y.Doc): boolean {
  if (orderOf(ydoc).length > 0 || blocksOf(ydoc).size > 0) return false;
  return LEGACY_ROOTS.some((lang) => legacyFragment(ydoc, lang).length > 0);
}

/**
 * One language of a legacy document, block by block; what the schema does not allow is left out,
 * elements nested deeper than it allows (which releases before this one let in) without reading them.
 */
function readLegacyLanguage(ydoc: Y.Doc, lang: Lang): PMJSON {
  const { content } = readShallowChildren(legacyFragment(ydoc, lang), billSchema);
  const blocks = content.filter((block) => {
    try {
      const node = billSchema.nodeFromJSON(block);
      node.check();
      return node.isBlock;
    } catch {
      return false;
    }
  });
  return { type: 'doc', content: blocks.length ? blocks : [{ type: 'paragraph' }] };
}

/** Both languages of a legacy document as whole-document JSON (for versions saved before blocks). */
export function readLegacyContent(ydoc: Y.Doc): BilingualContent {
  return { en: readLegacyLanguage(ydoc, 'en'), es: readLegacyLanguage(ydoc, 'es') };
}

function describeElement(el: Y.XmlElement): TopNodeInfo {
  const form = el.getAttribute('form');
  const id = el.getAttribute('sectionId');
  return {
    type: el.nodeName,
    form: form === 'us' || form === 'mx' ? form : 'any',
    sectionId: typeof id === 'string' ? id : null,
    transitory: el.getAttribute('kind') === 'transitory',
  };
}

type AnyType = Y.AbstractType<unknown>;

/** Records old → new for every element and text of two trees of the same shape. */
function mapTrees(from: AnyType, to: AnyType, out: Map<AnyType, AnyType>): void {
  out.set(from, to);
  if (!(from instanceof Y.XmlElement) || !(to instanceof Y.XmlElement)) return;
  const a = from.toArray();
  const b = to.toArray();
  a.forEach((child, i) => {
    const twin = b[i];
    if (twin) mapTrees(child as AnyType, twin as AnyType, out);
  });
}

/** Copies one language of a group into a block's fragment, recording which old type became which. */
function copyGroup(group: NodeGroup<Y.XmlElement>, fragment: Y.XmlFragment, types: Map<AnyType, AnyType>): void {
  const sources = group.nodes.flatMap((el) => (el.nodeName === 'section' ? el.toArray() : [el]))
    .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText);
  fragment.insert(0, sources.map((n) => n.clone()));
  sources.forEach((source, i) => {
    const copy = fragment.get(i);
    if (copy instanceof Y.XmlElement) copy.removeAttribute('form');
    if (copy) mapTrees(source as AnyType, copy as AnyType, types);
  });
}

/**
 * Deletes the top-level elements of the legacy fragments nested deeper than the bill schema
 * allows (sections in sections, thousands deep, which releases before the block layout stored),
 * deepest first so that neither deleting nor collecting them recurses. Returns how many.
 */
export function dropTooDeepLegacyElements(ydoc: Y.Doc): number {
  const max = schemaDepth(billSchema);
  const deep = LEGACY_ROOTS.flatMap((lang) => legacyFragment(ydoc, lang).toArray())
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && nestedDeeperThan(n, max));
  if (deep.length) ydoc.transact((tr) => deep.forEach((el) => deleteDeepestFirst(el, tr)), MIGRATE_ORIGIN);
  return deep.length;
}

/**
 * Converts a document from whole-document fragments to blocks, in one transaction: sections pair by
 * id, other blocks by kind and position; the old fragments are emptied. `anchors` (Yjs relative
 * positions of comments, encoded) are carried over to the same place in the new blocks; an anchor
 * that no longer points into text comes back null. Elements nested deeper than the bill schema
 * allows are dropped first (`dropped` says how many).
 */
export function migrateLegacyLayout(ydoc: Y.Doc, anchors: readonly Uint8Array[] = []): { migrated: boolean; anchors: (Uint8Array | null)[]; dropped: number } {
  if (!isLegacyLayout(ydoc)) return { migrated: false, anchors: [...anchors], dropped: 0 };
  const resolved = anchors.map((a) => {
    try {
      return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(a), ydoc);
    } catch {
      return null;
    }
  });
  const dropped = dropTooDeepLegacyElements(ydoc);
  const types = new Map<AnyType, AnyType>();
  let mapped: (Uint8Array | null)[] = [];
  ydoc.transact(() => {
    const groups = LEGACY_ROOTS.map((lang) => groupTopLevel(
      legacyFragment(ydoc, lang).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement),
      describeElement,
    ));
    const blocks = blocksOf(ydoc);
    const ids: string[] = [];
    for (const { key, a, b } of pairGroups(groups[0] ?? [], groups[1] ?? [])) {
      const head = a ?? b;
      if (!head) continue;
      const block = new Y.Map<unknown>();
      blocks.set(key, block);
      block.set('kind', head.kind);
      block.set('form', head.form);
      LANGS.forEach((lang, i) => {
        const fragment = new Y.XmlFragment();
        block.set(lang, fragment);
        const group = i === 0 ? a : b;
        if (group) copyGroup(group, fragment, types);
        else prosemirrorJSONToYXmlFragment(blockSchema(head.kind), { type: 'doc', content: emptyBlockContent(head.kind) }, fragment);
      });
      ids.push(key);
    }
    orderOf(ydoc).push(ids);
    mapped = resolved.map((pos) => {
      const target = pos ? types.get(pos.type as AnyType) : undefined;
      return pos && target ? Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(target, pos.index, pos.assoc)) : null;
    });
    for (const lang of LEGACY_ROOTS) {
      const fragment = legacyFragment(ydoc, lang);
      fragment.delete(0, fragment.length);
    }
  }, MIGRATE_ORIGIN);
  return { migrated: true, anchors: mapped, dropped };
}
