import { describe, expect, it } from 'vitest';
import { GlossaryMatcher, type GlossaryEntry } from '../../client/shared/bill/glossary';

const entries: GlossaryEntry[] = [
  { id: 'civil-forfeiture', en: ['civil forfeiture', 'civil asset forfeiture'], es: ['extinción de dominio'] },
  { id: 'forfeiture', en: ['forfeiture'], es: ['decomiso'] },
  { id: 'proceeds', en: ['proceeds'], es: ['productos', 'producto del delito'] },
  { id: 'human-trafficking', en: ['human trafficking', 'trafficking in persons'], es: ['trata de personas'] },
  { id: 'innocent-owner', en: ['innocent owner'], es: ['tercero de buena fe'] },
];

describe('glossary', () => {
  const g = new GlossaryMatcher(entries);

  it('finds whole terms, plurals and longer forms first, case-insensitively', () => {
    const text = 'Civil asset forfeiture of proceeds; innocent owners are protected; the forfeiture is civil.';
    expect(g.find(text, 'en').map((h) => [h.id, text.slice(h.from, h.to)])).toEqual([
      ['civil-forfeiture', 'Civil asset forfeiture'],
      ['proceeds', 'proceeds'],
      ['innocent-owner', 'innocent owners'],
      ['forfeiture', 'forfeiture'],
    ]);
    expect(g.find('Los productos del delito y la extinción de dominio.', 'es').map((h) => h.id)).toEqual(['proceeds', 'civil-forfeiture']);
    expect(g.find('preproceeds unproductos', 'en')).toEqual([]);
  });

  it('flags a term used in one language whose pair the other lacks, and nothing else', () => {
    expect(g.mismatches('Civil forfeiture of the proceeds of human trafficking.', 'La extinción de dominio de los productos de la trata de personas.')).toEqual([]);
    expect(g.mismatches('Civil forfeiture of the proceeds of human trafficking.', 'La extinción de dominio de los bienes relacionados con la trata de personas.')).toEqual([
      { id: 'proceeds', has: 'en', term: 'proceeds' },
    ]);
    expect(g.mismatches('Property of an owner.', 'Un tercero de buena fe conserva sus derechos.')).toEqual([
      { id: 'innocent-owner', has: 'es', term: 'tercero de buena fe' },
    ]);
  });
});

describe('glossary matching details', () => {
  const g = new GlossaryMatcher([
    { id: 'coop', en: ['cooperating jurisdiction'], es: ['jurisdicción cooperante'] },
    { id: 'statute', en: ['statute'], es: ['ley'], check: false },
  ]);
  it('matches plurals of every word, ignoring accents', () => {
    const text = 'Las jurisdicciones cooperantes y la JURISDICCION COOPERANTE.';
    expect(g.find(text, 'es').map((h) => text.slice(h.from, h.to))).toEqual(['jurisdicciones cooperantes', 'JURISDICCION COOPERANTE']);
  });
  it('highlights but does not check entries marked check: false', () => {
    expect(g.find('Esta ley.', 'es').map((h) => h.id)).toEqual(['statute']);
    expect(g.mismatches('This act.', 'Esta ley.')).toEqual([]);
  });
});
