import type * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Lang } from '../bill/Lang';
import type { BilingualContent, PMJSON } from '../bill/yBill';
import { isSectionKind } from '../schema/blockSchemas';
import { blockFragment, visibleBlocks, type BlockInfo } from './roots';
import { readBlockFragment } from './readBlock';
import { isLegacyLayout, readLegacyContent } from './legacyLayout';

/** One language of a block as a node of its kind's schema. */
export function readBlock(ydoc: Y.Doc, block: BlockInfo, lang: Lang): PMNode {
  return readBlockFragment(blockFragment(ydoc, block.id, lang), block.kind);
}

/**
 * One language of a block as the top-level nodes of a whole-document bill: a section becomes a
 * `section` node carrying its id, kind and form; other blocks contribute their nodes with their form.
 */
export function blockAsDocumentNodes(block: BlockInfo, node: PMNode): PMJSON[] {
  const content = ((node.toJSON() as PMJSON).content ?? []);
  if (isSectionKind(block.kind)) {
    return [{ type: 'section', attrs: { sectionId: block.id, kind: block.kind, form: block.form }, content }];
  }
  return content.map((c) => ({ ...c, attrs: { ...c.attrs, form: block.form } }));
}

/** One language of the whole document, blocks assembled in reading order. */
export function readLanguageContent(ydoc: Y.Doc, lang: Lang, blocks: BlockInfo[] = visibleBlocks(ydoc)): PMJSON {
  const content = blocks.flatMap((b) => blockAsDocumentNodes(b, readBlock(ydoc, b, lang)));
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/**
 * Both languages as whole-document ProseMirror JSON, as `/content`, comparison and export read them.
 * A document still in the layout before blocks is read from its old fragments.
 */
export function readBilingualContent(ydoc: Y.Doc): BilingualContent {
  if (isLegacyLayout(ydoc)) return readLegacyContent(ydoc);
  const blocks = visibleBlocks(ydoc);
  return { en: readLanguageContent(ydoc, 'en', blocks), es: readLanguageContent(ydoc, 'es', blocks) };
}
