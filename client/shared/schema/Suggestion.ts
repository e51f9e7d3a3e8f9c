import { Mark, mergeAttributes } from '@tiptap/core';

/** Who suggested a change, and when. */
export interface SuggestionAttrs {
  author: string;
  authorName: string;
  at: string;
}

const attrs = {
  author: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-author') ?? '', renderHTML: (a: { author?: string }) => ({ 'data-author': a.author ?? '' }) },
  authorName: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-author-name') ?? '', renderHTML: (a: { authorName?: string }) => ({ 'data-author-name': a.authorName ?? '' }) },
  at: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-at') ?? '', renderHTML: (a: { at?: string }) => ({ 'data-at': a.at ?? '' }) },
};

/** Text suggested for insertion: part of the document only once accepted. */
export const SuggestedInsertion = Mark.create({
  name: 'suggestedInsertion',
  inclusive: false,
  excludes: 'suggestedDeletion',
  addAttributes: () => attrs,
  parseHTML: () => [{ tag: 'ins.suggestion' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, { class: 'suggestion suggestion-ins' }), 0],
});

/** Text suggested for deletion: stays in the document until accepted. */
export const SuggestedDeletion = Mark.create({
  name: 'suggestedDeletion',
  inclusive: false,
  excludes: 'suggestedInsertion',
  addAttributes: () => attrs,
  parseHTML: () => [{ tag: 'del.suggestion' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, { class: 'suggestion suggestion-del' }), 0],
});
