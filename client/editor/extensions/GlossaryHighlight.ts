import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { GlossaryMatcher } from '@shared/bill/glossary';
import type { Lang } from '@shared/bill/Lang';

/** Options: the language of this editor. */
export interface GlossaryHighlightOptions {
  lang: Lang;
}

interface GlossaryState {
  matcher: GlossaryMatcher | null;
  decorations: DecorationSet;
}

/** Dispatch `tr.setMeta(glossaryKey, matcher)` to (re)load the glossary. */
export const glossaryKey = new PluginKey<GlossaryState>('glossaryHighlight');

/** Term decorations for the text nodes of `node` (a block), whose content starts at `start`. */
function termsIn(node: PMNode, start: number, matcher: GlossaryMatcher, lang: Lang, out: Decoration[]): void {
  const other: Lang = lang === 'en' ? 'es' : 'en';
  node.descendants((child, offset) => {
    if (!child.isText || !child.text) return true;
    for (const hit of matcher.find(child.text, lang)) {
      // Only terms of art are highlighted; everyday words (check: false) would underline every line.
      const entry = matcher.byId.get(hit.id);
      if (!entry || entry.check === false) continue;
      const from = start + offset + hit.from;
      out.push(Decoration.inline(from, from + hit.to - hit.from, {
        class: 'term',
        title: `${entry[lang][0]} ↔ ${entry[other].join(' / ')}${entry.note ? `\n${entry.note[lang]}` : ''}`,
        'data-term': hit.id,
      }));
    }
    return false;
  });
}

function build(doc: PMNode, matcher: GlossaryMatcher | null, lang: Lang): DecorationSet {
  if (!matcher) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  termsIn(doc, 0, matcher, lang, decorations);
  return DecorationSet.create(doc, decorations);
}

/** After an edit, only the textblocks the edit touched are searched again. */
function update(tr: Transaction, old: DecorationSet, matcher: GlossaryMatcher, lang: Lang): DecorationSet {
  let set = old.map(tr.mapping, tr.doc);
  const blocks = new Map<number, PMNode>();
  tr.steps.forEach((_step, i) => {
    tr.mapping.maps[i]?.forEach((_a, _b, from, to) => {
      const rest = tr.mapping.slice(i + 1);
      const a = Math.min(rest.map(from, -1), tr.doc.content.size);
      const b = Math.min(Math.max(rest.map(to, 1), a), tr.doc.content.size);
      tr.doc.nodesBetween(a, b, (node, pos) => {
        if (node.isTextblock) {
          blocks.set(pos, node);
          return false;
        }
        return true;
      });
    });
  });
  // A whole-document replacement (first sync) is cheaper to rebuild at once.
  if (blocks.size > 200) return build(tr.doc, matcher, lang);
  const added: Decoration[] = [];
  for (const [pos, node] of blocks) {
    set = set.remove(set.find(pos + 1, pos + node.nodeSize - 1));
    termsIn(node, pos + 1, matcher, lang, added);
  }
  return set.add(tr.doc, added);
}

/** Highlights glossary terms; hovering shows the pair in the other language. */
export const GlossaryHighlight = Extension.create<GlossaryHighlightOptions>({
  name: 'glossaryHighlight',
  addOptions: () => ({ lang: 'en' }),
  addProseMirrorPlugins() {
    const lang = this.options.lang;
    return [
      new Plugin<GlossaryState>({
        key: glossaryKey,
        state: {
          init: (): GlossaryState => ({ matcher: null, decorations: DecorationSet.empty }),
          apply: (tr, old): GlossaryState => {
            const next = tr.getMeta(glossaryKey) as GlossaryMatcher | undefined;
            if (next) return { matcher: next, decorations: build(tr.doc, next, lang) };
            if (!tr.docChanged || !old.matcher) return old;
            return { matcher: old.matcher, decorations: update(tr, old.decorations, old.matcher, lang) };
          },
        },
        props: { decorations: (state) => glossaryKey.getState(state)?.decorations },
      }),
    ];
  },
});
