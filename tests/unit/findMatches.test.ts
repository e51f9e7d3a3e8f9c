import { describe, expect, it } from 'vitest';
import { blockSchema } from '../../client/shared/schema/blockSchemas';
import { findMatches } from '../../client/shared/bill/findMatches';

const schema = blockSchema('section');
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'sectionHeading', content: [{ type: 'text', text: 'Property of the State' }] },
    { type: 'provision', attrs: { level: 0 }, content: [
      { type: 'text', text: 'The ' },
      { type: 'parameter', attrs: { key: 'stateName', value: 'State of Sonora' } },
      { type: 'text', text: ' may seize property; the state' },
      { type: 'text', text: ' keeps it.', marks: [{ type: 'bold' }] },
    ] },
  ],
});

describe('find in a block', () => {
  it('finds text case-insensitively across marks, never inside a parameter', () => {
    const hits = findMatches(doc, { text: 'state', caseSensitive: false, wholeWord: false });
    expect(hits.map((h) => h.text)).toEqual(['State', 'state']);
    expect(doc.textBetween(hits[1]!.from, hits[1]!.to)).toBe('state');
  });

  it('respects case and whole words', () => {
    expect(findMatches(doc, { text: 'State', caseSensitive: true, wholeWord: false }).length).toBe(1);
    expect(findMatches(doc, { text: 'propert', caseSensitive: false, wholeWord: true }).length).toBe(0);
    expect(findMatches(doc, { text: 'state keeps', caseSensitive: false, wholeWord: true }).map((h) => h.text)).toEqual(['state keeps']);
  });

  it('does not match across a parameter', () => {
    expect(findMatches(doc, { text: 'The  may', caseSensitive: false, wholeWord: false })).toEqual([]);
  });
});

describe('replacement case', () => {
  it('follows the matched text when the replacement is typed in lower case', async () => {
    const { casedReplacement } = await import('../../client/shared/bill/findMatches');
    expect(casedReplacement('organizaciones delictivas', 'Organizaciones Criminales')).toBe('Organizaciones Delictivas');
    expect(casedReplacement('organizaciones delictivas', 'organizaciones criminales')).toBe('organizaciones delictivas');
    expect(casedReplacement('delictivas', 'CRIMINALES')).toBe('DELICTIVAS');
    expect(casedReplacement('organizaciones delictivas', 'Organizaciones criminales')).toBe('Organizaciones delictivas');
    expect(casedReplacement('Fiscalía', 'procuraduría')).toBe('Fiscalía');
  });
});
