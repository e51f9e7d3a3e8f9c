import { Node, mergeAttributes } from '@tiptap/core';

/** The bill's (or MOU's) title, printed at its head. */
export const BillTitle = Node.create({
  name: 'billTitle',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'h1.bill-title' }],
  renderHTML: ({ HTMLAttributes }) => ['h1', mergeAttributes(HTMLAttributes, { class: 'bill-title' }), 0],
});
