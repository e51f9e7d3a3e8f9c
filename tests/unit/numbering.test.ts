import { describe, expect, it } from 'vitest';
import { billSchema } from '../../client/shared/schema/billSchema';
import { computeNumbering, crossRefLabel, romanLabel, letterLabel } from '../../client/shared/bill/numbering';

const section = (id: string, kind: 'section' | 'transitory', levels: number[]) => ({
  type: 'section',
  attrs: { sectionId: id, kind },
  content: [{ type: 'sectionHeading', content: [{ type: 'text', text: id }] }, ...levels.map((level) => ({ type: 'provision', attrs: { level } }))],
});

const doc = billSchema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'billTitle', content: [{ type: 'text', text: 'Act' }] },
    section('short-title', 'section', [0]),
    section('definitions', 'section', [0, 1, 1, 2, 2, 3, 1, 2]),
    section('entrada', 'transitory', [0]),
    section('seizure', 'section', [1]),
    section('derogacion', 'transitory', [0]),
  ],
});

describe('numbering', () => {
  it('numbers sections and transitorios separately, in English', () => {
    const n = computeNumbering(doc, 'en');
    expect(n.sections.map((s) => s.label)).toEqual(['Section 1.', 'Section 2.', 'First.', 'Section 3.', 'Second.']);
    expect(crossRefLabel(n, 'seizure', 'en')).toBe('Section 3');
    expect(crossRefLabel(n, 'derogacion', 'en')).toBe('Second Transitory Article');
    expect(crossRefLabel(n, 'gone', 'en')).toBe('[missing section]');
  });

  it('numbers in Spanish as Mexican drafting does', () => {
    const n = computeNumbering(doc, 'es');
    expect(n.sections.map((s) => s.label)).toEqual(['Artículo 1.-', 'Artículo 2.-', 'Primero.-', 'Artículo 3.-', 'Segundo.-']);
    expect(crossRefLabel(n, 'seizure', 'es')).toBe('artículo 3');
    expect(computeNumbering(doc, 'es', 'mou').sections[0]?.label).toBe('Cláusula 1.-');
  });

  it('labels provisions by level and restarts deeper counters', () => {
    expect([...computeNumbering(doc, 'en').provisions.values()]).toEqual(['(a)', '(b)', '(1)', '(2)', '(A)', '(c)', '(1)', '(a)']);
    expect([...computeNumbering(doc, 'es').provisions.values()]).toEqual(['I.', 'II.', 'a)', 'b)', '1.', 'III.', 'a)', 'I.']);
  });

  it('has correct roman numerals and letter labels', () => {
    expect([1, 4, 9, 14, 40, 90, 1994].map(romanLabel)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'MCMXCIV']);
    expect([1, 26, 27, 28].map(letterLabel)).toEqual(['a', 'z', 'aa', 'bb']);
  });
});

describe('numbering after edits', () => {
  const base = billSchema.nodeFromJSON({
    type: 'doc',
    content: [
      ...['a', 'b', 'c', 'd'].map((id) => section(id, 'section', [0]) as unknown),
      { type: 'section', attrs: { sectionId: 'e', kind: 'section' }, content: [{ type: 'sectionHeading' }, { type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text: 'See ' }, { type: 'crossRef', attrs: { target: 'd' } }] }] },
    ],
  });
  const labels = (doc: typeof base) => computeNumbering(doc, 'en').sections.map((s) => `${s.sectionId}:${s.ordinal}`);
  const childPos = (doc: typeof base, index: number) => {
    let pos = 0;
    for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
    return pos;
  };

  it('renumbers after a delete, and references follow', () => {
    const b = base.child(1);
    const doc = base.copy(base.content.cut(0, childPos(base, 1)).append(base.content.cut(childPos(base, 1) + b.nodeSize)));
    expect(labels(doc)).toEqual(['a:1', 'c:2', 'd:3', 'e:4']);
    expect(crossRefLabel(computeNumbering(doc, 'en'), 'd', 'en')).toBe('Section 3');
    expect(crossRefLabel(computeNumbering(doc, 'es'), 'd', 'es')).toBe('artículo 3');
  });

  it('renumbers after a move, and references follow', () => {
    const nodes = [0, 1, 2, 3, 4].map((i) => base.child(i));
    const moved = [nodes[3], nodes[0], nodes[1], nodes[2], nodes[4]].filter((n): n is NonNullable<typeof n> => Boolean(n));
    const doc = base.copy(base.content.replaceChild(0, moved[0] as never).replaceChild(1, moved[1] as never).replaceChild(2, moved[2] as never).replaceChild(3, moved[3] as never));
    expect(labels(doc)).toEqual(['d:1', 'a:2', 'b:3', 'c:4', 'e:5']);
    expect(crossRefLabel(computeNumbering(doc, 'en'), 'd', 'en')).toBe('Section 1');
  });
});
