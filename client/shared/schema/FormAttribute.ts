import { Extension } from '@tiptap/core';

/** Which variants keep a block: every one, only US variants, or only Mexican variants. */
export type BlockForm = 'any' | 'us' | 'mx';

/** Block types that can be specific to US or Mexican legislative form. */
export const FORM_BLOCKS = ['billTitle', 'enactingClause', 'frontHeading', 'paragraph', 'section', 'signatureBlock'];

/**
 * A `form` attribute on top-level blocks: a model act holds both the US enacting clause and the
 * Mexican exposición de motivos and transitorios; a variant keeps those of its country.
 */
export const FormAttribute = Extension.create({
  name: 'formAttribute',
  addGlobalAttributes() {
    return [
      {
        types: FORM_BLOCKS,
        attributes: {
          form: {
            default: 'any',
            parseHTML: (el: HTMLElement) => {
              const v = el.getAttribute('data-form');
              return v === 'us' || v === 'mx' ? v : 'any';
            },
            renderHTML: (attrs: { form?: BlockForm }) => (attrs.form && attrs.form !== 'any' ? { 'data-form': attrs.form } : {}),
          },
        },
      },
    ];
  },
});
