import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { clampLevel } from '@shared/schema/Provision';
import type { SectionKind } from '@shared/schema/Section';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    billCommands: {
      /** Inserts an empty section with `sectionId` after the section `afterId` (at the end when null or absent). */
      insertSectionAfter: (afterId: string | null, sectionId: string, kind?: SectionKind) => ReturnType;
      /** Deletes the section with `sectionId`. */
      deleteSection: (sectionId: string) => ReturnType;
      /** Moves the section with `sectionId` one place up (-1) or down (+1). */
      moveSection: (sectionId: string, direction: -1 | 1) => ReturnType;
      /** Changes the numbering level of the provision at the cursor by `delta`. */
      shiftProvisionLevel: (delta: number) => ReturnType;
    };
  }
}

/** The section around a position, with its start. */
export function sectionAt(doc: PMNode, pos: number): { node: PMNode; pos: number } | null {
  const $pos = doc.resolve(pos);
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type.name === 'section') return { node, pos: $pos.before(d) };
  }
  return null;
}

/** Finds a top-level section by id. */
export function findSection(doc: PMNode, sectionId: string): { node: PMNode; pos: number; index: number } | null {
  let found: { node: PMNode; pos: number; index: number } | null = null;
  doc.forEach((node, pos, index) => {
    if (!found && node.type.name === 'section' && node.attrs.sectionId === sectionId) found = { node, pos, index };
  });
  return found;
}

/** Section structure commands and the Tab / Shift-Tab keys for provision levels. */
export const BillCommands = Extension.create({
  name: 'billCommands',
  addCommands() {
    return {
      insertSectionAfter:
        (afterId, sectionId, kind = 'section') =>
        ({ state, tr, dispatch }) => {
          const { schema } = state;
          const section = schema.nodes.section?.create({ sectionId, kind }, [
            schema.nodes.sectionHeading!.create(),
            schema.nodes.provision!.create({ level: 0 }),
          ]);
          if (!section) return false;
          const after = afterId ? findSection(tr.doc, afterId) : null;
          const at = after ? after.pos + after.node.nodeSize : tr.doc.content.size;
          if (dispatch) {
            tr.insert(at, section);
            dispatch(tr.scrollIntoView());
          }
          return true;
        },
      deleteSection:
        (sectionId) =>
        ({ tr, dispatch }) => {
          const found = findSection(tr.doc, sectionId);
          if (!found) return false;
          if (dispatch) dispatch(tr.delete(found.pos, found.pos + found.node.nodeSize));
          return true;
        },
      moveSection:
        (sectionId, direction) =>
        ({ tr, dispatch }) => {
          const found = findSection(tr.doc, sectionId);
          if (!found) return false;
          const neighbourIndex = found.index + direction;
          if (neighbourIndex < 0 || neighbourIndex >= tr.doc.childCount) return false;
          const neighbour = tr.doc.child(neighbourIndex);
          if (neighbour.type.name !== 'section') return false;
          if (dispatch) {
            tr.delete(found.pos, found.pos + found.node.nodeSize);
            const target = direction === 1 ? found.pos + neighbour.nodeSize : found.pos - neighbour.nodeSize;
            tr.insert(target, found.node);
            dispatch(tr.scrollIntoView());
          }
          return true;
        },
      shiftProvisionLevel:
        (delta) =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection;
          const node = $from.parent;
          if (node.type.name !== 'provision') return false;
          const level = clampLevel(Number(node.attrs.level) + delta);
          if (level === node.attrs.level) return true;
          if (dispatch) dispatch(tr.setNodeMarkup($from.before(), undefined, { ...node.attrs, level }));
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      Tab: () => this.editor.commands.shiftProvisionLevel(1),
      'Shift-Tab': () => this.editor.commands.shiftProvisionLevel(-1),
    };
  },
});
