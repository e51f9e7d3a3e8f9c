import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../client/shared/compare/compareDocuments';
import type { PMJSON } from '../../client/shared/bill/yBill';

type Inline = string | { p: string; v: string | null } | { ref: string };
const inline = (parts: Inline[]): PMJSON[] =>
  parts.map((x) =>
    typeof x === 'string' ? { type: 'text', text: x } : 'p' in x ? { type: 'parameter', attrs: { key: x.p, value: x.v } } : { type: 'crossRef', attrs: { target: x.ref } },
  );
const section = (id: string, heading: string, ...provisions: Inline[][]): PMJSON => ({
  type: 'section',
  attrs: { sectionId: id, kind: 'section' },
  content: [{ type: 'sectionHeading', content: inline([heading]) }, ...provisions.map((p) => ({ type: 'provision', attrs: { level: 0 }, content: inline(p) }))],
});
const doc = (...blocks: PMJSON[]): PMJSON => ({ type: 'doc', content: blocks });

const model = doc(
  { type: 'billTitle', content: inline(['Forfeiture Act of ', { p: 'stateName', v: null }]) },
  section('a', 'Short title', ['This act may be cited as the Forfeiture Act.']),
  section('b', 'Seizure', ['Property may be seized by the ', { p: 'attorneyGeneralTitle', v: null }, ' upon process.'], ['A seizure shall be reviewed promptly.']),
  section('c', 'Notice', ['Notice shall be given within thirty days.']),
  section('d', 'Severability', ['If any provision is held invalid, the rest remains in effect.']),
);

describe('comparison', () => {
  it('finds nothing between a document and itself', () => {
    const c = compareDocuments(model, model);
    expect(c.sections.map((s) => s.status)).toEqual(['same', 'same', 'same', 'same', 'same']);
    expect(c.stats).toEqual({ words: 49, wordsChanged: 0, sectionsChanged: 0, parameterDifferences: 0 });
  });

  it('marks a changed word with an exact redline', () => {
    const variant = structuredClone(model);
    ((variant.content?.[3]?.content?.[1]?.content?.[0]) as PMJSON).text = 'Notice shall be given within sixty days.';
    const c = compareDocuments(model, variant);
    const notice = c.sections.find((s) => s.id === 'c');
    expect(notice?.status).toBe('changed');
    expect(notice?.paragraphs[1]?.changes).toEqual([
      { type: 'equal', text: 'Notice shall be given within ' },
      { type: 'delete', text: 'thirty ' },
      { type: 'insert', text: 'sixty ' },
      { type: 'equal', text: 'days.' },
    ]);
    expect(notice?.wordsChanged).toBe(2);
    expect(c.stats.wordsChanged).toBe(2);
  });

  it('shows filled-in parameters apart, not as deviations', () => {
    const variant = doc(
      { type: 'billTitle', content: inline(['Forfeiture Act of ', { p: 'stateName', v: 'New Mexico' }]) },
      section('a', 'Short title', ['This act may be cited as the Forfeiture Act.']),
      section('b', 'Seizure', ['Property may be seized by the ', { p: 'attorneyGeneralTitle', v: 'Attorney General' }, ' upon process.'], ['A seizure shall be reviewed promptly.']),
      section('c', 'Notice', ['Notice shall be given within thirty days.']),
      section('d', 'Severability', ['If any provision is held invalid, the rest remains in effect.']),
    );
    const c = compareDocuments(model, variant);
    const seizure = c.sections.find((s) => s.id === 'b');
    expect(seizure).toMatchObject({ status: 'changed', parameterOnly: true, wordsChanged: 0 });
    expect(seizure?.paragraphs[1]?.changes).toEqual([
      { type: 'equal', text: 'Property may be seized by the ' },
      { type: 'parameter', text: 'Attorney General', key: 'attorneyGeneralTitle', from: '⟨attorneyGeneralTitle⟩' },
      { type: 'equal', text: ' upon process.' },
    ]);
    expect(c.stats).toMatchObject({ wordsChanged: 0, sectionsChanged: 0, parameterDifferences: 2 });
  });

  it('aligns added, removed and moved sections by id', () => {
    const variant = doc(
      model.content?.[0] as PMJSON,
      model.content?.[4] as PMJSON, // severability moved to the top
      model.content?.[1] as PMJSON,
      model.content?.[2] as PMJSON,
      section('e', 'Reporting', ['The office shall report every year.']),
      // notice removed
    );
    const c = compareDocuments(model, variant);
    expect(c.sections.map((s) => [s.id, s.status])).toEqual([
      ['_front', 'same'],
      ['d', 'moved'],
      ['a', 'same'],
      ['b', 'same'],
      ['e', 'added'],
      ['c', 'removed'],
    ]);
    expect(c.sections.find((s) => s.id === 'd')).toMatchObject({ textChanged: false, wordsChanged: 0 });
    expect(c.sections.find((s) => s.id === 'e')?.changes).toEqual([
      { type: 'insert', text: 'Reporting' },
      { type: 'equal', text: '\n' },
      { type: 'insert', text: 'The office shall report every year.' },
    ]);
    expect(c.sections.find((s) => s.id === 'c')?.wordsChanged).toBe(8); // heading 1 + text 7
  });

  it('degrades to whole-paragraph replacement instead of hanging on pathological input', () => {
    const words = (seed: number) => Array.from({ length: 3000 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    const left = doc(section('x', 'H', [words(7)]));
    const right = doc(section('x', 'H', [words(13)]));
    const started = Date.now();
    const c = compareDocuments(left, right);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(c.coarse).toBe(true);
    expect(c.sections[0]?.paragraphs[1]?.changes.map((ch) => ch.type)).toEqual(['delete', 'insert']);
  });
});
