import { Node, mergeAttributes } from '@tiptap/core';

/**
 * A reference to another section by its stable id. Its label ("Section 7", "artículo 7") is drawn
 * from the current numbering, so it follows the target when sections move.
 */
export const CrossRef = Node.create({
  name: 'crossRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      target: {
        default: '',
        parseHTML: (el: HTMLElement) => el.getAttribute('data-target') ?? '',
        renderHTML: (attrs: { target?: string }) => ({ 'data-target': attrs.target ?? '' }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span.xref' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'xref' })],
});
