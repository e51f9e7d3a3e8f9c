import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newSectionId } from '@shared/bill/sectionIds';

/**
 * Keeps section ids present and unique after local edits: splitting or pasting a section copies
 * its id, so the later copy gets a fresh one and the original keeps its identity.
 */
export const SectionIdGuard = Extension.create({
  name: 'sectionIdGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('sectionIdGuard'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey))) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.forEach((node, pos) => {
            if (node.type.name !== 'section') return;
            const id = node.attrs.sectionId as string | null;
            if (id && !seen.has(id)) {
              seen.add(id);
              return;
            }
            const fresh = newSectionId();
            seen.add(fresh);
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, sectionId: fresh });
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});
