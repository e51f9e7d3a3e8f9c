import { Node, mergeAttributes } from '@tiptap/core';

/** The enacting clause of a US bill, or the decree formula of a Mexican one. */
export const EnactingClause = Node.create({
  name: 'enactingClause',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'p.enacting-clause' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { class: 'enacting-clause' }), 0],
});
