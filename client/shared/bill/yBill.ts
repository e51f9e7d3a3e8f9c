import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import { billSchema } from '../schema/billSchema';
import type { Lang } from './Lang';

/** ProseMirror JSON as stored and served. */
export interface PMJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** A bill's content in both languages. */
export interface BilingualContent {
  en: PMJSON;
  es: PMJSON;
}

/** Name of the Y.Map holding document-wide settings (numbering style, parameter values, flags). */
export const META_MAP = 'meta';

/** Writes both languages into the `en` and `es` fragments of an empty Y.Doc, checking them against the schema. */
export function writeBilingualContent(ydoc: Y.Doc, content: BilingualContent): void {
  ydoc.transact(() => {
    for (const lang of ['en', 'es'] as const) {
      billSchema.nodeFromJSON(content[lang]).check();
      prosemirrorJSONToYXmlFragment(billSchema, content[lang], ydoc.getXmlFragment(lang));
    }
  });
}

/**
 * Reads one language of a Y.Doc as a ProseMirror node of the bill schema. Content the schema does
 * not allow (which an editor would drop) is left out block by block, so reading never fails.
 */
export function readLanguage(ydoc: Y.Doc, lang: Lang): PMNode {
  const fragment = ydoc.getXmlFragment(lang);
  try {
    return yXmlFragmentToProseMirrorRootNode(fragment, billSchema);
  } catch {
    const json = yXmlFragmentToProsemirrorJSON(fragment) as PMJSON;
    const blocks = (json.content ?? []).flatMap((block) => {
      try {
        const node = billSchema.nodeFromJSON(block);
        node.check();
        return node.isBlock ? [node] : [];
      } catch {
        return [];
      }
    });
    const doc = billSchema.topNodeType.createAndFill(null, blocks.length ? blocks : undefined);
    if (!doc) throw new Error(`unreadable ${lang} fragment`);
    return doc;
  }
}

/** Reads both languages as ProseMirror JSON. */
export function readBilingualContent(ydoc: Y.Doc): BilingualContent {
  return { en: readLanguage(ydoc, 'en').toJSON() as PMJSON, es: readLanguage(ydoc, 'es').toJSON() as PMJSON };
}
