import type { Lang } from './Lang';

/** A pair of equivalent terms (each language may accept several forms; the first is preferred). */
export interface GlossaryEntry {
  id: string;
  en: string[];
  es: string[];
  note?: { en: string; es: string };
  /** false: highlighted but not checked between languages (words too common to flag usefully). */
  check?: boolean;
}

/** A term found in a text. */
export interface TermHit {
  id: string;
  from: number;
  to: number;
}

/** A section whose one language uses a term while the other lacks every paired form. */
export interface GlossaryMismatch {
  id: string;
  /** The language that has the term. */
  has: Lang;
  /** The form found. */
  term: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Lower case without accents, one character for one character, so that positions in the folded
 * text are positions in the original ("jurisdicción" and "jurisdicciones" then share a stem).
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += (ch.normalize('NFD')[0] ?? ch).toLowerCase().padEnd(ch.length, ' ').slice(0, ch.length);
  return out;
}

/** A compiled glossary: one regular expression per language (every form a group, longest first), matching whole words and plurals. */
export class GlossaryMatcher {
  private readonly patterns = new Map<Lang, { re: RegExp; ids: string[] }>();
  /** Entries by id. */
  readonly byId: Map<string, GlossaryEntry>;

  constructor(readonly entries: GlossaryEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    for (const lang of ['en', 'es'] as const) {
      const forms: { id: string; source: string }[] = [];
      for (const e of entries) {
        for (const f of e[lang]) {
          if (!f.trim()) continue;
          // Every word may take a plural ending: "cooperating jurisdictions", "jurisdicciones cooperantes".
          forms.push({ id: e.id, source: fold(f.trim()).split(/\s+/).map((w) => `${escape(w)}(?:e?s)?`).join('\\s+') });
        }
      }
      // Longest forms first, so "civil asset forfeiture" wins over "forfeiture" at the same place.
      forms.sort((a, b) => b.source.length - a.source.length);
      if (forms.length === 0) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map((f) => `(${f.source})`).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
      this.patterns.set(lang, { re, ids: forms.map((f) => f.id) });
    }
  }

  /** Every term of `lang` in `text`, leftmost first, without overlaps (longer matches win). */
  find(text: string, lang: Lang): TermHit[] {
    const p = this.patterns.get(lang);
    if (!p) return [];
    const out: TermHit[] = [];
    p.re.lastIndex = 0;
    const folded = fold(text);
    for (let m = p.re.exec(folded); m; m = p.re.exec(folded)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const id = p.ids[group - 1];
      if (id) out.push({ id, from: m.index, to: m.index + m[0].length });
    }
    return out;
  }

  /** Terms one language of a section uses whose pair the other language lacks. */
  mismatches(enText: string, esText: string): GlossaryMismatch[] {
    const checked = new Set(this.entries.filter((e) => e.check !== false).map((e) => e.id));
    const enHits = this.find(enText, 'en').filter((h) => checked.has(h.id));
    const esHits = this.find(esText, 'es').filter((h) => checked.has(h.id));
    const enIds = new Set(enHits.map((h) => h.id));
    const esIds = new Set(esHits.map((h) => h.id));
    const out: GlossaryMismatch[] = [];
    const seen = new Set<string>();
    for (const h of enHits) {
      if (!esIds.has(h.id) && !seen.has(`en:${h.id}`)) {
        seen.add(`en:${h.id}`);
        out.push({ id: h.id, has: 'en', term: enText.slice(h.from, h.to) });
      }
    }
    for (const h of esHits) {
      if (!enIds.has(h.id) && !seen.has(`es:${h.id}`)) {
        seen.add(`es:${h.id}`);
        out.push({ id: h.id, has: 'es', term: esText.slice(h.from, h.to) });
      }
    }
    return out;
  }
}
