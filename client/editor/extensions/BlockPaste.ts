import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { structurePasted, type PastedProvision } from '@shared/bill/structurePasted';
import type { BlockKind } from '@shared/schema/blockSchemas';
import type { Lang } from '@shared/bill/Lang';
import type { PMJSON } from '@shared/bill/yBill';
import type { BillStore } from '../../bill/BillStore';
import { clipboardLines } from '../clipboardLines';
import { suggestModeKey } from './SuggestMode';

/** Options: the block and language pasted into, and the bill (for new sections). */
export interface BlockPasteOptions {
  blockId: string;
  kind: BlockKind;
  lang: Lang;
  store: BillStore | null;
}

const text = (t: string): PMJSON[] => (t ? [{ type: 'text', text: t }] : []);

/** Puts pasted provisions at the cursor: the first joins the text there, the others follow as provisions. */
function pasteProvisions(view: EditorView, provisions: PastedProvision[]): void {
  const { schema } = view.state;
  const current = view.state.selection.$from.parent;
  const baseLevel = current.type.name === 'provision' ? Number(current.attrs.level) || 0 : 0;
  const nodes = provisions.map((p) => schema.nodes.provision!.create({ level: p.level || baseLevel }, p.text ? schema.text(p.text) : null));
  view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(nodes), 1, 1)).scrollIntoView());
}

/**
 * Pasting into a section keeps the bill's structure: several paragraphs become provisions (their
 * "(a)" / "I." labels giving levels), and headings start new sections after this one, in the
 * language pasted into, the other language left empty to be drafted. Nothing lands outside a section.
 */
export const BlockPaste = Extension.create<BlockPasteOptions>({
  name: 'blockPaste',
  addOptions: () => ({ blockId: '', kind: 'section', lang: 'en', store: null }),
  addProseMirrorPlugins() {
    const { blockId, kind, lang, store } = this.options;
    return [
      new Plugin({
        key: new PluginKey('blockPaste'),
        props: {
          handlePaste: (view, event) => {
            if (!view.editable || (kind !== 'section' && kind !== 'transitory')) return false;
            if (suggestModeKey.getState(view.state)) return false; // suggesting pastes text only
            const lines = clipboardLines(event.clipboardData);
            const pasted = structurePasted(lines, lang);
            if (pasted.sections.length === 0 && pasted.lead.length <= 1) return false;
            if (pasted.lead.length) pasteProvisions(view, pasted.lead);
            const contents = pasted.sections.map((sec) => ({
              [lang]: [
                { type: 'sectionHeading', content: text(sec.heading) },
                ...(sec.provisions.length ? sec.provisions : [{ level: 0, text: '' }]).map((p) => ({ type: 'provision', attrs: { level: p.level }, content: text(p.text) })),
              ],
            }));
            // The new sections and the provisions pasted here are one step of undo.
            if (contents.length && store) {
              const ids = store.insertSections(contents, lang, blockId);
              const last = ids[ids.length - 1];
              if (last) void store.focusBlock(last, lang, 'end');
            }
            return true;
          },
        },
      }),
    ];
  },
});
