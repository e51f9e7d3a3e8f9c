import type { BilingualContent, PMJSON } from './yBill';
import { newSectionId } from './sectionIds';

function text(value: string): PMJSON[] {
  return value ? [{ type: 'text', text: value }] : [];
}

/** A new blank bill: a title and one empty section, with the same section id in both languages. */
export function emptyBill(title: { en: string; es: string }, sectionId = newSectionId()): BilingualContent {
  const lang = (t: string): PMJSON => ({
    type: 'doc',
    content: [
      { type: 'billTitle', content: text(t) },
      {
        type: 'section',
        attrs: { sectionId, kind: 'section' },
        content: [{ type: 'sectionHeading' }, { type: 'provision', attrs: { level: 0 } }],
      },
    ],
  });
  return { en: lang(title.en), es: lang(title.es) };
}
