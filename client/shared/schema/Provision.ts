import { Node, mergeAttributes } from '@tiptap/core';

/** Deepest provision level: 0 text, 1 subsection (a), 2 paragraph (1), 3 subparagraph (A). */
export const MAX_PROVISION_LEVEL = 3;

/** A block of a section's text at a numbering level; labels are computed from position. */
export const Provision = Node.create({
  name: 'provision',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      level: {
        default: 0,
        parseHTML: (el: HTMLElement) => clampLevel(Number(el.getAttribute('data-level'))),
        renderHTML: (attrs: { level?: number }) => ({ 'data-level': String(clampLevel(attrs.level)) }),
      },
    };
  },
  parseHTML: () => [{ tag: 'p.provision' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { class: 'provision' }), 0],
});

/** Coerces anything to a valid provision level. */
export function clampLevel(level: unknown): number {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.trunc(level) : 0;
  return Math.min(MAX_PROVISION_LEVEL, Math.max(0, n));
}
