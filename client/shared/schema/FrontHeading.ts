import { Node, mergeAttributes } from '@tiptap/core';

/** An unnumbered heading outside the sections, e.g. "Exposición de motivos" or "Recitals". */
export const FrontHeading = Node.create({
  name: 'frontHeading',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'h2.front-heading' }],
  renderHTML: ({ HTMLAttributes }) => ['h2', mergeAttributes(HTMLAttributes, { class: 'front-heading' }), 0],
});
