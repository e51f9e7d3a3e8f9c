import { Node, mergeAttributes } from '@tiptap/core';

/** The heading of a section ("Definitions"); its number is drawn, never stored. */
export const SectionHeading = Node.create({
  name: 'sectionHeading',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'h3.section-heading' }],
  renderHTML: ({ HTMLAttributes }) => ['h3', mergeAttributes(HTMLAttributes, { class: 'section-heading' }), 0],
});
