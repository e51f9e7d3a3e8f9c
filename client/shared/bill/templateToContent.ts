import type { Lang } from './Lang';
import type { BilingualContent, PMJSON } from './yBill';
import type { Template, TemplateBlock } from './templateFormat';
import { parseInline } from './parseInline';

const BLOCK_TYPES: Record<TemplateBlock['type'], string> = {
  billTitle: 'billTitle',
  enactingClause: 'enactingClause',
  heading: 'frontHeading',
  paragraph: 'paragraph',
  signatureBlock: 'signatureBlock',
};

function block(b: TemplateBlock, lang: Lang): PMJSON {
  return { type: BLOCK_TYPES[b.type], attrs: { form: b.form }, content: parseInline(b.text[lang]) };
}

function language(template: Template, lang: Lang): PMJSON {
  return {
    type: 'doc',
    content: [
      ...template.front.map((b) => block(b, lang)),
      ...template.sections.map((s) => ({
        type: 'section',
        attrs: { sectionId: s.id, kind: s.kind, form: s.form },
        content: [
          { type: 'sectionHeading', content: parseInline(s.heading[lang]) },
          ...(s.body.length ? s.body : [{ level: 0, text: { en: '', es: '' } }]).map((p) => ({
            type: 'provision',
            attrs: { level: p.level },
            content: parseInline(p.text[lang]),
          })),
        ],
      })),
      ...template.back.map((b) => block(b, lang)),
    ],
  };
}

/** The model act of a template: every block of every form, parameters unfilled, in both languages. */
export function templateToContent(template: Template): BilingualContent {
  return { en: language(template, 'en'), es: language(template, 'es') };
}
