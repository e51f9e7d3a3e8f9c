import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import type { DocumentSummary, SessionUser } from '../app/types';
import { isLang } from '@shared/bill/Lang';

interface JurisdictionName { code: string; name: { en: string; es: string } }

/** Why this person cannot edit the document, and what they can do instead. */
export function ReadOnlyBanner({ doc, user }: { doc: DocumentSummary; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (doc.readOnlyReason !== 'jurisdiction') return;
    api<JurisdictionName[]>('/api/jurisdictions').then((list) => setNames(new Map(list.map((j) => [j.code, j.name[ui]])))).catch(() => undefined);
  }, [doc.readOnlyReason, ui]);
  if (doc.canWrite || !doc.readOnlyReason) return null;
  const list = (codes: string[]) => new Intl.ListFormat(ui === 'es' ? 'es-MX' : 'en-US', { type: 'conjunction' }).format(codes.map((c) => names.get(c) ?? c));
  let text: string;
  if (doc.readOnlyReason === 'final') {
    text = doc.statusChange
      ? t('readOnly.finalSince', { when: formatDateTime(doc.statusChange.at), name: doc.statusChange.by })
      : t('readOnly.final');
  } else if (doc.readOnlyReason === 'reviewer') text = t('readOnly.reviewer');
  else if (doc.readOnlyReason === 'jurisdiction') {
    text = user.jurisdictions.length
      ? t('readOnly.jurisdiction', { mine: list(user.jurisdictions), theirs: doc.jurisdiction ? (names.get(doc.jurisdiction) ?? doc.jurisdiction) : '' })
      : t('readOnly.noJurisdiction', { theirs: doc.jurisdiction ? (names.get(doc.jurisdiction) ?? doc.jurisdiction) : '' });
  } else text = t('readOnly.disabled');
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner" data-reason={doc.readOnlyReason}>
      <strong>{t('editor.readOnly')}</strong> · {text} {doc.readOnlyReason !== 'disabled' && <span className="muted">{t('readOnly.canComment')}</span>}
    </div>
  );
}
