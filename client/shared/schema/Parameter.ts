import { Node, mergeAttributes } from '@tiptap/core';

/**
 * A template parameter (e.g. `trialCourt`). It stays a node that knows its key: in a model act it
 * shows the key, in a variant the filled-in value; `value` null means not yet filled.
 */
export const Parameter = Node.create({
  name: 'parameter',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      key: {
        default: '',
        parseHTML: (el: HTMLElement) => el.getAttribute('data-key') ?? '',
        renderHTML: (attrs: { key?: string }) => ({ 'data-key': attrs.key ?? '' }),
      },
      value: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-value'),
        renderHTML: (attrs: { value?: string | null }) => (attrs.value == null ? {} : { 'data-value': attrs.value }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span.param' }],
  renderHTML: ({ node, HTMLAttributes }) => {
    const value = node.attrs.value as string | null;
    const filled = value != null && value !== '';
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: filled ? 'param param-filled' : 'param param-unfilled' }),
      filled ? value : `⟨${String(node.attrs.key)}⟩`,
    ];
  },
  renderText: ({ node }) => parameterText(node.attrs.key as string, node.attrs.value as string | null),
});

/** The plain-text form of a parameter: its value, or its key in angle brackets when unfilled. */
export function parameterText(key: string, value: string | null | undefined): string {
  return value != null && value !== '' ? value : `⟨${key}⟩`;
}
