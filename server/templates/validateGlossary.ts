import type { GlossaryEntry } from '@shared/bill/glossary';
import { TemplateError } from './validateTemplate';

const forms = (v: unknown, where: string): string[] => {
  if (!Array.isArray(v) || v.length === 0 || v.some((f) => typeof f !== 'string' || !f.trim() || f.length > 200)) {
    throw new TemplateError(`${where}: must be a non-empty list of terms`);
  }
  return (v as string[]).map((f) => f.trim());
};

/** Checks one glossary entry (from the seed file or an administrator's request). */
export function validateGlossaryEntry(raw: unknown, where = 'entry'): GlossaryEntry {
  if (typeof raw !== 'object' || raw === null) throw new TemplateError(`${where}: must be an object`);
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,80}$/.test(o.id)) throw new TemplateError(`${where}: id must be lowercase letters, digits and dashes`);
  const entry: GlossaryEntry = { id: o.id, en: forms(o.en, `${o.id}.en`), es: forms(o.es, `${o.id}.es`) };
  if (o.check !== undefined) {
    if (typeof o.check !== 'boolean') throw new TemplateError(`${o.id}.check: must be true or false`);
    entry.check = o.check;
  }
  if (o.note !== undefined && o.note !== null) {
    const n = o.note as Record<string, unknown>;
    if (typeof n.en !== 'string' || typeof n.es !== 'string') throw new TemplateError(`${o.id}.note: needs en and es`);
    entry.note = { en: n.en, es: n.es };
  }
  return entry;
}

/** Checks templates/glossary.json. */
export function validateGlossary(raw: unknown): GlossaryEntry[] {
  if (!Array.isArray(raw)) throw new TemplateError('must be an array of term pairs');
  const seen = new Set<string>();
  return raw.map((e, i) => {
    const entry = validateGlossaryEntry(e, `[${i}]`);
    if (seen.has(entry.id)) throw new TemplateError(`${entry.id}: listed twice`);
    seen.add(entry.id);
    return entry;
  });
}
