import { Node } from '@tiptap/core';

/** Root node of one language of a bill: front matter, numbered sections, back matter. */
export const BillDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+',
});
