import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
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

function build(doc: PMNode, matcher: GlossaryMatcher | null, lang: Lang): DecorationSet {
  if (!matcher) return DecorationSet.empty;
  const other: Lang = lang === 'en' ? 'es' : 'en';
  // Only terms of art are highlighted; everyday words (check: false) would underline every line.
  const byId = new Map(matcher.entries.filter((e) => e.check !== false).map((e) => [e.id, e]));
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text) return true;
    for (const hit of matcher.find(node.text, lang)) {
      const entry = byId.get(hit.id);
      if (!entry) continue;
      decorations.push(Decoration.inline(pos + hit.from, pos + hit.to, {
        class: 'term',
        title: `${entry[lang][0]} ↔ ${entry[other].join(' / ')}${entry.note ? `\n${entry.note[lang]}` : ''}`,
        'data-term': hit.id,
      }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
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
            return { matcher: old.matcher, decorations: build(tr.doc, old.matcher, lang) };
          },
        },
        props: { decorations: (state) => glossaryKey.getState(state)?.decorations },
      }),
    ];
  },
});
