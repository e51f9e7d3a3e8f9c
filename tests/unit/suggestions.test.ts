import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { billSchema } from '../../client/shared/schema/billSchema';
import { findSuggestions, resolveSuggestions, settleSuggestions } from '../../client/shared/bill/suggestions';
import type { PMJSON } from '../../client/shared/bill/yBill';

const by = (author: string) => ({ author, authorName: author.toUpperCase(), at: '2026-11-23T10:00:00.000Z' });
const ins = (text: string, author = 'ana'): PMJSON => ({ type: 'text', text, marks: [{ type: 'suggestedInsertion', attrs: by(author) }] });
const del = (text: string, author = 'ana'): PMJSON => ({ type: 'text', text, marks: [{ type: 'suggestedDeletion', attrs: by(author) }] });
const txt = (text: string): PMJSON => ({ type: 'text', text });
const doc = (...inline: PMJSON[]): PMJSON => ({ type: 'doc', content: [{ type: 'section', attrs: { sectionId: 's', kind: 'section' }, content: [{ type: 'sectionHeading' }, { type: 'provision', attrs: { level: 0 }, content: inline }] }] });

const en = doc(txt('Notice shall be given within '), del('thirty'), ins('sixty'), txt(' days'), ins(' in writing', 'ben'), txt('.'));
const es = doc(txt('La notificación se hará dentro de los '), del('treinta'), ins('sesenta'), txt(' días.'));
const state = (json: PMJSON) => EditorState.create({ schema: billSchema, doc: billSchema.nodeFromJSON(json) });
const provision = (s: EditorState) => s.doc.firstChild?.lastChild?.textContent;

describe('suggestions', () => {
  it('lists each suggestion with its author', () => {
    expect(findSuggestions(state(en).doc).map((s) => [s.kind, s.text, s.authorName])).toEqual([
      ['deletion', 'thirty', 'ANA'], ['insertion', 'sixty', 'ANA'], ['insertion', ' in writing', 'BEN'],
    ]);
  });

  it('accepting all gives exactly the suggested text, rejecting all the original, in both languages', () => {
    for (const [json, accepted, original] of [
      [en, 'Notice shall be given within sixty days in writing.', 'Notice shall be given within thirty days.'],
      [es, 'La notificación se hará dentro de los sesenta días.', 'La notificación se hará dentro de los treinta días.'],
    ] as const) {
      const s = state(json);
      expect(provision(s.apply(settleSuggestions(s, true) as never))).toBe(accepted);
      expect(provision(s.apply(settleSuggestions(s, false) as never))).toBe(original);
      expect(resolveSuggestions(json, 'accepted').content?.[0]?.content?.[1]?.content?.map((n) => n.text).join('')).toBe(accepted);
      expect(resolveSuggestions(json, 'original').content?.[0]?.content?.[1]?.content?.map((n) => n.text).join('')).toBe(original);
    }
  });

  it('settles one suggestion at a time and leaves the others pending', () => {
    const s = state(en);
    const next = s.apply(settleSuggestions(s, false, (r) => r.authorName === 'BEN') as never);
    expect(provision(next)).toBe('Notice shall be given within thirtysixty days.');
    expect(findSuggestions(next.doc).map((r) => r.text)).toEqual(['thirty', 'sixty']);
    const after = next.apply(settleSuggestions(next, true) as never);
    expect(provision(after)).toBe('Notice shall be given within sixty days.');
    expect(findSuggestions(after.doc)).toEqual([]);
  });
});
