import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { DocumentSummary } from '../app/types';

interface Version { id: string; name: string }

/** Export options (format, language, redline) and the download; warns about unfilled parameters first. */
export function ExportDialog({ doc, unfilled, onClose }: { doc: DocumentSummary; unfilled: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<'docx' | 'pdf'>('pdf');
  const [lang, setLang] = useState<'en' | 'es' | 'both'>('both');
  const [against, setAgainst] = useState('');
  const [suggestions, setSuggestions] = useState<'original' | 'accepted' | 'show'>('original');
  const [versions, setVersions] = useState<Version[]>([]);
  useEffect(() => {
    dialog.current?.showModal();
    api<Version[]>(`/api/documents/${doc.id}/versions`).then(setVersions).catch(() => setVersions([]));
  }, [doc.id]);

  const href = `/api/documents/${doc.id}/export?format=${format}&lang=${lang}&suggestions=${suggestions}${against ? `&against=${encodeURIComponent(against)}` : ''}&ui=${i18n.language}`;
  return (
    <dialog ref={dialog} className="export-dialog" onClose={onClose} aria-labelledby="export-title" data-testid="export-dialog">
      <h2 id="export-title">{t('exportDialog.title')}</h2>
      <fieldset>
        <legend>{t('exportDialog.format')}</legend>
        {(['pdf', 'docx'] as const).map((f) => (
          <label key={f}><input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {t(`exportDialog.formats.${f}`)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('exportDialog.language')}</legend>
        {(['en', 'es', 'both'] as const).map((l) => (
          <label key={l}><input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} /> {t(`exportDialog.langs.${l}`)}</label>
        ))}
      </fieldset>
      <label className="block-label">
        {t('exportDialog.redline')}
        <select value={against} onChange={(e) => setAgainst(e.target.value)} data-testid="export-against">
          <option value="">{t('exportDialog.noRedline')}</option>
          {doc.modelId && <option value={doc.modelId}>{t('exportDialog.againstModel')}</option>}
          {versions.map((v) => <option key={v.id} value={`${doc.id}@${v.id}`}>{t('exportDialog.againstVersion', { name: v.name })}</option>)}
        </select>
      </label>
      <label className="block-label">
        {t('exportDialog.suggestions')}
        <select value={suggestions} onChange={(e) => setSuggestions(e.target.value as 'original' | 'accepted' | 'show')}>
          {(['original', 'accepted', 'show'] as const).map((m) => <option key={m} value={m}>{t(`exportDialog.suggestionModes.${m}`)}</option>)}
        </select>
      </label>
      {unfilled > 0 && <p className="warn-note" role="alert" data-testid="export-unfilled">{t('exportDialog.unfilledWarning', { count: unfilled })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>{t('exportDialog.cancel')}</button>
        <a className="button-link primary-link" href={href} download data-testid="export-download" onClick={() => setTimeout(() => dialog.current?.close(), 100)}>
          {t('exportDialog.download')}
        </a>
      </div>
    </dialog>
  );
}
