import { describe, expect, it } from 'vitest';
import { alignmentStatus, initialBaselines, textHash } from '../../client/shared/bill/alignment';
import type { PMJSON } from '../../client/shared/bill/yBill';

const sec = (id: string, text: string): PMJSON => ({
  type: 'section',
  attrs: { sectionId: id, kind: 'section' },
  content: [{ type: 'sectionHeading', content: [{ type: 'text', text: `H ${id}` }] }, { type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text }] }],
});
const doc = (...s: PMJSON[]): PMJSON => ({ type: 'doc', content: s });

describe('alignment between languages', () => {
  const en = doc(sec('a', 'Proceeds are forfeitable.'), sec('b', 'Notice is required.'));
  const es = doc(sec('a', 'Los productos son susceptibles de extinción.'), sec('b', 'Se requiere notificación.'));
  const base = initialBaselines(en, es, 'Ana', '2026-11-23T10:00:00.000Z');

  it('starts in step', () => {
    expect([...alignmentStatus(en, es, base).values()]).toEqual([{ state: 'inStep' }, { state: 'inStep' }]);
  });

  it('flags exactly the other language of exactly the edited section', () => {
    const en2 = doc(sec('a', 'Proceeds are forfeitable.'), sec('b', 'Written notice is required.'));
    const withBefore = { ...base, b: { ...base.b!, before: { en: 'H b\nNotice is required.' } } };
    const s = alignmentStatus(en2, es, withBefore, { b: { en: { by: 'Ben', at: '2026-11-23T10:05:00.000Z' } } });
    expect(s.get('a')).toEqual({ state: 'inStep' });
    expect(s.get('b')).toEqual({
      state: 'outdated', outdated: 'es', changed: 'en',
      before: 'H b\nNotice is required.', after: 'H b\nWritten notice is required.',
      edit: { by: 'Ben', at: '2026-11-23T10:05:00.000Z' },
    });
    const es2 = doc(sec('a', 'Los productos son objeto de extinción de dominio.'), sec('b', 'Se requiere notificación.'));
    expect(alignmentStatus(en, es2, base).get('a')).toMatchObject({ state: 'outdated', outdated: 'en', changed: 'es' });
  });

  it('clears when the counterpart is updated afterwards, stays when it was edited before', () => {
    const en2 = doc(sec('a', 'Proceeds are forfeitable.'), sec('b', 'Written notice is required.'));
    const es2 = doc(sec('a', 'Los productos son susceptibles de extinción.'), sec('b', 'Se requiere notificación por escrito.'));
    expect(alignmentStatus(en2, es2, base, { b: { en: { by: 'B', at: '2026-11-23T10:05:00Z' }, es: { by: 'L', at: '2026-11-23T10:06:00Z' } } }).get('b')).toEqual({ state: 'inStep', refresh: true });
    expect(alignmentStatus(en2, es2, base, {}).get('b')).toEqual({ state: 'unconfirmed' });
  });

  it('flags a section that exists in one language only', () => {
    const en2 = doc(sec('a', 'x'), sec('b', 'y'), sec('c', 'New section.'));
    expect(alignmentStatus(en2, es, base).get('c')).toEqual({ state: 'missing', missing: 'es' });
    expect(alignmentStatus(en, doc(sec('a', 'x')), base).get('b')).toEqual({ state: 'missing', missing: 'es' });
  });

  it('ignores filled-in parameter values', () => {
    const withParam = (value: string | null): PMJSON => doc({
      type: 'section', attrs: { sectionId: 'p', kind: 'section' },
      content: [{ type: 'sectionHeading' }, { type: 'provision', attrs: { level: 0 }, content: [{ type: 'parameter', attrs: { key: 'trialCourt', value } }] }],
    });
    const b = initialBaselines(withParam(null), withParam(null), 'x');
    expect(alignmentStatus(withParam('district court'), withParam('tribunal de distrito'), b).get('p')).toEqual({ state: 'inStep' });
    expect(textHash('a')).not.toBe(textHash('b'));
  });
});
