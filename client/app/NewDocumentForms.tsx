import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import type { DocumentSummary, SessionUser } from './types';
import { navigate } from './navigation';
import type { Jurisdiction } from '@shared/bill/templateFormat';
import { isLang } from '@shared/bill/Lang';

interface TemplateSummary {
  id: string;
  kind: 'act' | 'mou';
  title: { en: string; es: string };
}

/** Starts a model act from a template. */
export function NewModelForm({ onError }: { onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    api<TemplateSummary[]>('/api/templates').then((list) => {
      setTemplates(list);
      setChoice((c) => c || list[0]?.id || '');
    }).catch((err: unknown) => onError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [onError, t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const doc = await api<DocumentSummary>('/api/documents', { method: 'POST', body: { templateId: choice } });
      navigate(`/documents/${doc.id}`);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t('dashboard.template')}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="template-select">
          {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.title[ui]}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={!choice} data-testid="create-model">{t('dashboard.createModel')}</button>
    </form>
  );
}

/** Creates a jurisdiction's variant of a model act (for an MOU, optionally naming the other party). */
export function NewVariantForm({ model, user, jurisdictions, onError }: {
  model: DocumentSummary;
  user: SessionUser;
  jurisdictions: Jurisdiction[];
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  const allowed = user.role === 'admin' ? jurisdictions : jurisdictions.filter((j) => user.jurisdictions.includes(j.code));
  const [code, setCode] = useState('');
  const [counterpart, setCounterpart] = useState('');
  if (allowed.length === 0) return null;
  const chosen = jurisdictions.find((j) => j.code === code);
  const others = jurisdictions.filter((j) => chosen && j.country !== chosen.country);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const doc = await api<DocumentSummary>('/api/documents', {
        method: 'POST',
        body: { modelId: model.id, jurisdiction: code, ...(counterpart ? { counterpart } : {}) },
      });
      navigate(`/documents/${doc.id}`);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  const option = (j: Jurisdiction) => <option key={j.code} value={j.code}>{j.code} — {j.name[ui]}</option>;
  return (
    <form className="inline-form" onSubmit={submit}>
      <select value={code} onChange={(e) => setCode(e.target.value)} aria-label={t('dashboard.jurisdiction')} data-testid={`variant-jurisdiction-${model.id}`}>
        <option value="">{t('dashboard.chooseJurisdiction')}</option>
        <optgroup label={t('dashboard.countryUS')}>{allowed.filter((j) => j.country === 'US').map(option)}</optgroup>
        <optgroup label={t('dashboard.countryMX')}>{allowed.filter((j) => j.country === 'MX').map(option)}</optgroup>
      </select>
      {model.docType === 'mou' && chosen && (
        <select value={counterpart} onChange={(e) => setCounterpart(e.target.value)} aria-label={t('dashboard.counterpart')}>
          <option value="">{t('dashboard.counterpartLater')}</option>
          {others.map(option)}
        </select>
      )}
      <button type="submit" disabled={!code} data-testid={`create-variant-${model.id}`}>{t('dashboard.createVariant')}</button>
    </form>
  );
}
