import { Node, mergeAttributes } from '@tiptap/core';

/** A signature block for one party of an MOU (lines separated by hard breaks). */
export const SignatureBlock = Node.create({
  name: 'signatureBlock',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'div.signature-block' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { class: 'signature-block' }), 0],
});
