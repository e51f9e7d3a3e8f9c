import type { BilingualContent, PMJSON } from '../../client/shared/bill/yBill';
import { prng } from '../helpers/prng';

const EN = ('the attorney general may commence an action in rem against proceeds and instrumentalities of a covered offense ' +
  'committed by a transnational criminal organization and the court shall determine whether the property is subject to forfeiture ' +
  'after notice to every owner and interest holder whose identity is known including owners who reside in a foreign state ' +
  'a claimant may file a claim within thirty days and the burden of proof rests on the state by clear and convincing evidence').split(' ');
const ES = ('el fiscal general podrá ejercitar la acción de extinción de dominio respecto de los productos e instrumentos de un hecho ilícito ' +
  'cometido por una organización criminal transnacional y el juez determinará si los bienes son susceptibles de extinción ' +
  'previa notificación a todo propietario y titular de derechos cuya identidad se conozca incluidos quienes residan en el extranjero ' +
  'el interesado podrá comparecer dentro de los treinta días y la carga de la prueba corresponde al ministerio público').split(' ');

function sentence(rand: () => number, words: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)] as string);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/**
 * A bilingual bill of about `pages` printed pages (≈ 350 words a page): sections of a heading and
 * five provisions, with parameters and cross-references, the same section ids in both languages.
 */
export function generateBill(pages: number, seed = 1): BilingualContent {
  const sections = Math.round((pages * 350) / 230);
  const lang = (words: string[], l: 'en' | 'es'): PMJSON => {
    const rand = prng(seed);
    const content: PMJSON[] = [{ type: 'billTitle', content: [{ type: 'text', text: l === 'en' ? 'Transnational Criminal Organization Civil Forfeiture Act' : 'Ley de Extinción de Dominio' }] }];
    for (let s = 0; s < sections; s++) {
      const provisions: PMJSON[] = [];
      for (let p = 0; p < 5; p++) {
        const text: PMJSON[] = [{ type: 'text', text: sentence(rand, words, 20) + ' ' }];
        if (p === 2) text.push({ type: 'parameter', attrs: { key: 'trialCourt', value: l === 'en' ? 'district court' : 'juzgado de distrito' } }, { type: 'text', text: ' ' });
        if (p === 3 && s > 0) text.push({ type: 'crossRef', attrs: { target: `s-${s - 1}` } }, { type: 'text', text: ' ' });
        text.push({ type: 'text', text: sentence(rand, words, 22) });
        provisions.push({ type: 'provision', attrs: { level: p === 0 ? 0 : p < 3 ? 1 : 2 }, content: text });
      }
      content.push({ type: 'section', attrs: { sectionId: `s-${s}`, kind: 'section' }, content: [{ type: 'sectionHeading', content: [{ type: 'text', text: sentence(rand, words, 4) }] }, ...provisions] });
    }
    return { type: 'doc', content };
  };
  return { en: lang(EN, 'en'), es: lang(ES, 'es') };
}

/** Changes about `share` of the words of every section of one language (replacing words), deterministically. */
export function mutateWords(doc: PMJSON, share: number, seed: number, words: string[] = EN): PMJSON {
  const rand = prng(seed);
  const visit = (n: PMJSON): PMJSON => {
    if (n.type === 'text' && n.text) {
      return { ...n, text: n.text.split(' ').map((w) => (w && rand() < share ? (words[Math.floor(rand() * words.length)] as string) + 'x' : w)).join(' ') };
    }
    return n.content ? { ...n, content: n.content.map(visit) } : n;
  };
  return visit(doc);
}
