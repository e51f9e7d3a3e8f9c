import { describe, expect, it } from 'vitest';
import { findMentions } from '../../client/shared/bill/mentions';

const people = [
  { id: 'ana', name: 'Ana' },
  { id: 'anamaria', name: 'Ana María López' },
  { id: 'luis', name: 'Luis Redactor' },
  { id: 'blank', name: ' ' },
];

const named = (body: string) => findMentions(body, people).map((m) => [m.person.id, body.slice(m.start, m.end)]);

describe('mentions in a comment', () => {
  it('finds full names after "@", longest first, in text order, case-insensitively', () => {
    expect(named('@luis redactor, please check with @Ana María López and @Ana.')).toEqual([
      ['luis', '@luis redactor'], ['anamaria', '@Ana María López'], ['ana', '@Ana'],
    ]);
  });

  it('ignores an "@" inside a word (an e-mail address) and a name running on into a longer word', () => {
    expect(named('write to luis@Ana.org or @Anabel; @Luis Redactores')).toEqual([]);
    expect(named('(@Ana)')).toEqual([['ana', '@Ana']]);
  });
});
