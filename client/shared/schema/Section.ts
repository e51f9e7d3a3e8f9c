import { Node, mergeAttributes } from '@tiptap/core';

/** Kinds of numbered sections: ordinary sections, and Mexican artículos transitorios. */
export type SectionKind = 'section' | 'transitory';

/**
 * A numbered section. Its `sectionId` is stable: it survives edits, moves and renumbering and is
 * the same in the English and Spanish fragments, and in a variant and its model.
 */
export const Section = Node.create({
  name: 'section',
  group: 'block',
  content: 'sectionHeading provision+',
  defining: true,
  addAttributes() {
    return {
      sectionId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-section-id'),
        renderHTML: (attrs: { sectionId?: string | null }) => (attrs.sectionId ? { 'data-section-id': attrs.sectionId } : {}),
      },
      kind: {
        default: 'section',
        parseHTML: (el: HTMLElement) => (el.getAttribute('data-kind') === 'transitory' ? 'transitory' : 'section'),
        renderHTML: (attrs: { kind?: SectionKind }) => ({ 'data-kind': attrs.kind ?? 'section' }),
      },
    };
  },
  parseHTML: () => [{ tag: 'section.bill-section' }],
  renderHTML: ({ HTMLAttributes }) => ['section', mergeAttributes(HTMLAttributes, { class: 'bill-section' }), 0],
});
