import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentionable } from '@shared/bill/mentions';

/** Most names the picker lists at once. */
const MAX_SHOWN = 6;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The "@…" being typed just before the caret: where its "@" is and what follows it, or null. */
function mentionQuery(text: string, caret: number): { at: number; query: string } | null {
  const m = /(?:^|[^\p{L}\p{N}_])@([^@\n]{0,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  const query = m[1] ?? '';
  return { at: caret - query.length - 1, query };
}

/**
 * A text box for a comment where typing "@" offers the people who may read the document: arrow
 * keys choose, Enter or Tab (or a click) writes "@Name ", Escape closes the list.
 */
export function MentionInput({ value, onChange, people, multiline, label, testId }: {
  value: string; onChange: (v: string) => void; people: Mentionable[]; multiline: boolean; label: string; testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const q = mentionQuery(value, caret);
  const matches = q && dismissed !== value ? people.filter((p) => fold(p.name).startsWith(fold(q.query))).slice(0, MAX_SHOWN) : [];
  const open = matches.length > 0 && !(matches.length === 1 && matches[0]?.name === q?.query);

  function choose(person: Mentionable) {
    if (!q) return;
    const next = `${value.slice(0, q.at)}@${person.name} ${value.slice(caret)}`;
    const at = q.at + person.name.length + 2;
    onChange(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const person = matches[Math.min(active, matches.length - 1)];
      if (person) choose(person);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(value);
    }
  }

  const common = {
    ref,
    value,
    'aria-label': label,
    placeholder: label,
    required: true,
    maxLength: 10000,
    'data-testid': testId,
    onKeyDown,
    onChange: (e: { target: { value: string; selectionStart: number | null } }) => {
      onChange(e.target.value);
      setCaret(e.target.selectionStart ?? e.target.value.length);
      setActive(0);
    },
    onSelect: (e: { currentTarget: { selectionStart: number | null } }) => setCaret(e.currentTarget.selectionStart ?? 0),
  };
  return (
    <span className="mention-input">
      {multiline ? <textarea {...common} rows={2} /> : <input {...common} />}
      {open && (
        <ul className="mention-list" role="listbox" aria-label={t('comments.mentionList')} data-testid="mention-list">
          {matches.map((p, i) => (
            <li key={p.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); choose(p); }}>
              {p.name}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
