import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { api, ApiError } from '../app/api';
import type { DocumentSummary, SessionUser } from '../app/types';
import { useCollabDoc } from '../collab/useCollabDoc';
import { usePresence } from '../collab/usePresence';
import { ConnectionIndicator } from '../collab/ConnectionIndicator';
import { PresenceList } from '../collab/PresenceList';
import { BillEditor } from '../editor/BillEditor';
import { SectionToolbar } from './SectionToolbar';
import type { EditorPair } from './bilingualSectionOps';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';
import type { TemplateParameter } from '@shared/bill/templateFormat';
import { useMeta } from '../collab/useYMap';
import { Outline } from './Outline';
import { ParameterPanel } from './ParameterPanel';
import { VersionsPanel } from './VersionsPanel';
import { ExportDialog } from './ExportDialog';
import { AlignmentPanel } from './AlignmentPanel';
import { useAlignment } from './useAlignment';
import { useGlossary } from './useGlossary';
import { UpstreamPanel } from './UpstreamPanel';
import { CommentsPanel } from './CommentsPanel';
import { useComments } from './useComments';
import { StatusControl } from './StatusControl';
import { SuggestionsPanel } from './SuggestionsPanel';
import { suggestModeKey } from '../editor/extensions/SuggestMode';
import { navigate } from '../app/navigation';

/** Loads a document's metadata, then shows the live bilingual editor. */
export function DocumentPage({ docId, user, onSessionExpired }: { docId: string; user: SessionUser; onSessionExpired: () => void }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<DocumentSummary>(`/api/documents/${encodeURIComponent(docId)}`)
      .then(setDoc)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) onSessionExpired();
        setError(err instanceof ApiError ? err.message : t('errors:internal'));
      });
  }, [docId, t, onSessionExpired]);
  if (error) return <main className="page"><p className="error" role="alert">{error}</p></main>;
  if (!doc) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;
  // A status change can change who may write: the editors are rebuilt with the new metadata.
  return <LiveDocument key={`${doc.status}-${String(doc.canWrite)}`} doc={doc} user={user} onSessionExpired={onSessionExpired} onDocChanged={setDoc} />;
}

function LiveDocument({ doc, user, onSessionExpired, onDocChanged }: { doc: DocumentSummary; user: SessionUser; onSessionExpired: () => void; onDocChanged: (d: DocumentSummary) => void }) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const collab = useCollabDoc(doc.id);
  const people = usePresence(collab.provider);
  const [editors, setEditors] = useState<EditorPair>({});
  const [focusedLang, setFocusedLang] = useState<Lang>('en');
  const onReady = useCallback((lang: Lang, editor: Editor | null) => setEditors((prev) => ({ ...prev, [lang]: editor })), []);
  const self = people.find((p) => p.id === user.id);
  const { meta, params } = useMeta(collab.ydoc);
  const [declared, setDeclared] = useState<TemplateParameter[]>([]);
  useEffect(() => {
    if (!doc.templateId) return;
    api<{ id: string; parameters: TemplateParameter[] }[]>('/api/templates')
      .then((list) => setDeclared(list.find((tpl) => tpl.id === doc.templateId)?.parameters ?? []))
      .catch(() => setDeclared([]));
  }, [doc.templateId]);
  const authoritative = isLang(meta.authoritativeLanguage) ? meta.authoritativeLanguage : null;
  const [exporting, setExporting] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  useEffect(() => {
    for (const e of Object.values(editors)) if (e && !e.isDestroyed) e.view.dispatch(e.state.tr.setMeta(suggestModeKey, suggesting).setMeta('addToHistory', false));
  }, [editors, suggesting]);
  const comments = useComments(doc.id, editors);
  const [view, setView] = useState<'both' | Lang>('both');
  const [swapped, setSwapped] = useState(false);
  const matcher = useGlossary();
  const { statuses, glossary } = useAlignment(collab.ydoc, editors, user.name, doc.canWrite, {
    outdated: t('alignment.flagOutdated'), missing: t('alignment.flagMissing'), unconfirmed: t('alignment.flagUnconfirmed'), glossary: t('alignment.flagGlossary'),
  }, view === 'both', matcher);
  const columns = (swapped ? [...LANGS].reverse() : [...LANGS]).filter((l) => view === 'both' || view === l);
  const unfilled = Object.values(params).filter((v) => !v?.en || !v?.es).length;
  const insertRef = useCallback((sectionId: string) => {
    editors[focusedLang]?.chain().focus().insertCrossRef(sectionId).run();
  }, [editors, focusedLang]);

  useEffect(() => {
    if (collab.fatal === 'unauthenticated') onSessionExpired();
  }, [collab.fatal, onSessionExpired]);

  return (
    <main className="document-page">
      <div className="doc-head">
        <div>
          <h1 className="doc-title">{doc.title[uiLang]}</h1>
          <div className="doc-sub">
            {t(`documents.kind.${doc.kind}`)}
            {doc.jurisdiction ? ` · ${doc.jurisdiction}` : ''} · <StatusControl doc={doc} user={user} onChanged={onDocChanged} onError={setStatusError} />
            {!doc.canWrite && <span className="badge" data-testid="read-only">{t('editor.readOnly')}</span>}
          </div>
        </div>
        <div className="doc-head-right">
          <button type="button" onClick={() => setExporting(true)} data-testid="open-export">{t('exportDialog.open')}</button>
          {doc.kind === 'variant' && doc.modelId && (
            <button type="button" onClick={() => navigate(`/compare?left=${doc.modelId}&right=${doc.id}&lang=${uiLang}`)} data-testid="compare-model">{t('compare.withModel')}</button>
          )}
          {doc.kind === 'model' && (
            <button type="button" onClick={() => navigate(`/documents/${doc.id}/map`)} data-testid="open-map">{t('map.open')}</button>
          )}
          <PresenceList users={people} selfId={user.id} />
          <ConnectionIndicator connection={collab.connection} save={collab.save} />
        </div>
      </div>
      {exporting && <ExportDialog doc={doc} unfilled={unfilled} onClose={() => setExporting(false)} />}
      {statusError && <p className="error" role="alert">{statusError}</p>}
      {collab.fatal === 'forbidden' && <p className="error" role="alert">{t('collab.forbidden')}</p>}
      {collab.fatal === 'notFound' && <p className="error" role="alert">{t('collab.notFound')}</p>}
      {doc.canWrite && (
        <div className="toolbar-row">
          <SectionToolbar editors={editors} focusedLang={focusedLang} />
          <button type="button" className={suggesting ? 'active suggest-toggle' : 'suggest-toggle'} aria-pressed={suggesting} onClick={() => setSuggesting(!suggesting)} data-testid="suggest-toggle">
            {suggesting ? t('suggestions.suggesting') : t('suggestions.editing')}
          </button>
        </div>
      )}
      <div className={`workspace doc-${doc.kind}`}>
      <aside className="sidebar">
        <Outline editors={editors} lang={uiLang} canInsertRef={doc.canWrite} onInsertRef={insertRef} />
        <ParameterPanel ydoc={collab.ydoc} editors={editors} params={params} declared={declared} editable={doc.canWrite} />
        <SuggestionsPanel editors={editors} canSettle={doc.canWrite} />
        <CommentsPanel docId={doc.id} editors={editors} focusedLang={focusedLang} threads={comments.threads} reload={comments.reload} />
        <AlignmentPanel ydoc={collab.ydoc} editors={editors} statuses={statuses} glossary={glossary} matcher={matcher} canWrite={doc.canWrite} userName={user.name} uiLang={uiLang} />
        {doc.kind === 'variant' && (
          <UpstreamPanel docId={doc.id} lang={uiLang} editable={doc.canWrite}
            labelOf={(id) => editors[uiLang]?.view.dom.querySelector(`[data-section-id="${CSS.escape(id)}"] .section-heading`)?.getAttribute('data-label') ?? id} />
        )}
        <VersionsPanel docId={doc.id} editable={doc.canWrite} />
      </aside>
      <div className="bilingual-wrap">
      <div className="view-options" role="group" aria-label={t('view.label')}>
        {(['both', 'en', 'es'] as const).map((v) => (
          <button key={v} type="button" className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => setView(v)} data-testid={`view-${v}`}>{t(`view.${v}`)}</button>
        ))}
        <button type="button" onClick={() => setSwapped(!swapped)} disabled={view !== 'both'} data-testid="swap-sides">{t('view.swap')}</button>
      </div>
      <div className={`bilingual ${view === 'both' ? '' : 'single'}`}>
        {LANGS.map((lang) => (
          <section key={lang} style={{ order: columns.indexOf(lang) }} hidden={!columns.includes(lang)} className="lang-column" onFocusCapture={() => setFocusedLang(lang)} onMouseDownCapture={() => setFocusedLang(lang)} aria-label={t(`languages.${lang}`)}>
            <h2 className="lang-label">
              {t(`languages.${lang}`)}
              {authoritative === lang && <span className="authoritative" data-testid={`authoritative-${lang}`}>{t('editor.authoritative')}</span>}
              {authoritative && authoritative !== lang && <span className="courtesy">{t('editor.translation')}</span>}
            </h2>
            <BillEditor
              ydoc={collab.ydoc}
              provider={collab.provider}
              lang={lang}
              style={doc.docType}
              editable={doc.canWrite}
              user={{ id: user.id, name: user.name, color: self?.color ?? '#1f6feb' }}
              onReady={onReady}
            />
          </section>
        ))}
      </div>
      </div>
      </div>
    </main>
  );
}
