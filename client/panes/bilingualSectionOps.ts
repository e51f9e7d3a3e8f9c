import type { Editor } from '@tiptap/react';
import type { Lang } from '@shared/bill/Lang';
import { newSectionId } from '@shared/bill/sectionIds';
import { sectionAt } from '../editor/extensions/BillCommands';

/** The editors of a document by language (missing while mounting). */
export type EditorPair = Partial<Record<Lang, Editor | null>>;

/** The id of the section holding the cursor of `editor`, if any. */
export function currentSectionId(editor: Editor | null | undefined): string | null {
  if (!editor) return null;
  const hit = sectionAt(editor.state.doc, editor.state.selection.from);
  return hit ? (hit.node.attrs.sectionId as string) : null;
}

/**
 * Section structure changes apply to both languages at once, so a section keeps one id in English
 * and Spanish and the two stay aligned.
 */
export const bilingualSectionOps = {
  insertAfter(editors: EditorPair, afterId: string | null): string {
    const id = newSectionId();
    for (const editor of Object.values(editors)) editor?.commands.insertSectionAfter(afterId, id);
    return id;
  },
  remove(editors: EditorPair, sectionId: string): void {
    for (const editor of Object.values(editors)) editor?.commands.deleteSection(sectionId);
  },
  move(editors: EditorPair, sectionId: string, direction: -1 | 1): void {
    for (const editor of Object.values(editors)) editor?.commands.moveSection(sectionId, direction);
  },
};
