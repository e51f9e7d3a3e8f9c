import { Extension } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    parameterCommands: {
      /** Sets the value of every parameter node with `key` in this language (null: unfilled). */
      setParameterValue: (key: string, value: string | null) => ReturnType;
      /** Inserts a parameter node at the cursor. */
      insertParameter: (key: string, value: string | null) => ReturnType;
      /** Inserts a cross-reference to a section at the cursor. */
      insertCrossRef: (target: string) => ReturnType;
    };
  }
}

/** Commands on parameter and cross-reference nodes. */
export const ParameterCommands = Extension.create({
  name: 'parameterCommands',
  addCommands() {
    return {
      setParameterValue:
        (key, value) =>
        ({ tr, dispatch }) => {
          const normalized = value && value.trim() ? value : null;
          let changed = false;
          tr.doc.descendants((node, pos) => {
            if (node.type.name === 'parameter' && node.attrs.key === key && node.attrs.value !== normalized) {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, value: normalized });
              changed = true;
            }
            return !node.isTextblock || node.childCount > 0;
          });
          if (changed && dispatch) dispatch(tr);
          return changed;
        },
      insertParameter:
        (key, value) =>
        ({ commands }) =>
          commands.insertContent({ type: 'parameter', attrs: { key, value } }),
      insertCrossRef:
        (target) =>
        ({ commands }) =>
          commands.insertContent({ type: 'crossRef', attrs: { target } }),
    };
  },
});
