import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../client/shared/compare/compareDocuments';
import { labelCrossRefs } from '../../client/shared/compare/labelCrossRefs';
import { labelComparison } from '../../client/shared/compare/labelComparison';
import type { PMJSON } from '../../client/shared/bill/yBill';

const text = (t: string): PMJSON => ({ type: 'text', text: t });
const ref = (target: string): PMJSON => ({ type: 'crossRef', attrs: { target } });
const section = (id: string, heading: string, ...provisions: [number, PMJSON[]][]): PMJSON => ({
  type: 'section',
  attrs: { sectionId: id, kind: 'section' },
  content: [{ type: 'sectionHeading', content: [text(heading)] }, ...provisions.map(([level, content]) => ({ type: 'provision', attrs: { level }, content }))],
});
const doc = (...blocks: PMJSON[]): PMJSON => ({ type: 'doc', content: blocks });

const left = doc(
  section('a', 'Definitions', [0, [text('In this act:')]]),
  section('b', 'Seizure', [1, [text('Property may be seized.')]], [1, [text('A seizure is reviewed.')]]),
  section('c', 'Notice', [1, [text('Notice is given as '), ref('b'), text(' provides.')]]),
);
const right = doc(
  section('b', 'Seizure', [1, [text('Property may be seized.')]], [2, [text('Promptly.')]], [1, [text('A seizure is reviewed.')]]),
  section('c', 'Notice', [1, [text('Notice is given as '), ref('b'), text(' provides.')]]),
);

describe('labels on a comparison', () => {
  it('a reference renumbered with its target is no change, and reads as the right-hand side numbers it', () => {
    const l = labelCrossRefs(left, 'en', 'act');
    const r = labelCrossRefs(right, 'en', 'act');
    const c = compareDocuments(l, r);
    const notice = c.sections.find((s) => s.id === 'c');
    expect(notice?.status).toBe('same');
    expect(notice?.paragraphs[1]?.changes).toEqual([{ type: 'equal', text: 'Notice is given as Section 1 provides.' }]);
  });

  it('a reference that points elsewhere is a change', () => {
    const moved = doc(section('c', 'Notice', [1, [text('Notice is given as '), ref('a'), text(' provides.')]]), section('a', 'Definitions', [0, [text('In this act:')]]));
    const c = compareDocuments(labelCrossRefs(left, 'en', 'act'), labelCrossRefs(moved, 'en', 'act'));
    expect(c.sections.find((s) => s.id === 'c')?.paragraphs[1]?.changes).toEqual([
      { type: 'equal', text: 'Notice is given as ' },
      { type: 'delete', text: 'Section 2' },
      { type: 'insert', text: 'Section 2' },
      { type: 'equal', text: ' provides.' },
    ]);
  });

  it('sections carry each side’s number and paragraphs their provision label, in the language asked', () => {
    const l = labelCrossRefs(left, 'es', 'act');
    const r = labelCrossRefs(right, 'es', 'act');
    const c = labelComparison(compareDocuments(l, r), { doc: l, style: 'act' }, { doc: r, style: 'act' }, 'es');
    expect(c.sections.map((s) => [s.id, s.status, s.label, s.leftLabel])).toEqual([
      ['a', 'removed', 'Artículo 1.-', 'Artículo 1.-'],
      ['b', 'changed', 'Artículo 1.-', 'Artículo 2.-'],
      ['c', 'same', 'Artículo 2.-', 'Artículo 3.-'],
    ]);
    expect(c.sections[1]?.paragraphs.map((p) => [p.label, p.changes.map((ch) => ch.type).join(',')])).toEqual([
      [null, 'equal'],
      ['I.', 'equal'],
      ['a)', 'insert'],
      ['II.', 'equal'],
    ]);
  });
});
