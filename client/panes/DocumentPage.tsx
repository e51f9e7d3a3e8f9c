import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import type { DocumentSummary, SessionUser } from '../app/types';
import { forgetOfflineCopy, useCollabDoc } from '../collab/useCollabDoc';
import { usePresence } from '../collab/usePresence';
import { ConnectionIndicator } from '../collab/ConnectionIndicator';
import { PresenceList } from '../collab/PresenceList';
import { SectionToolbar } from './SectionToolbar';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';
import type { TemplateParameter } from '@shared/bill/templateFormat';
import { useMeta } from '../collab/useYMap';
import { Outline } from './Outline';
import { ParameterPanel } from './ParameterPanel';
import { VersionsPanel } from './VersionsPanel';
import { SectionHistoryPanel } from './SectionHistoryPanel';
import { ExportDialog } from './ExportDialog';
import { AlignmentPanel } from './AlignmentPanel';
import { useAlignment } from './useAlignment';
import { useGlossary } from './useGlossary';
import { UpstreamPanel } from './UpstreamPanel';
import { CommentsPanel } from './CommentsPanel';
import { useComments } from './useComments';
import { StatusControl } from './StatusControl';
import { SuggestionsPanel } from './SuggestionsPanel';
import { DeletedSections } from './DeletedSections';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { HeldEditsPanel } from './HeldEditsPanel';
import { FindReplaceBar } from './FindReplaceBar';
import { BillView } from './BillView';
import { BillStore } from '../bill/BillStore';
import type { SectionActions } from '../bill/SectionActions';
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
  // After the server held back this browser's changes, the document starts again from the server's state.
  const [generation, setGeneration] = useState(0);
  const [heldNotice, setHeldNotice] = useState<string | null>(null);
  const onHeld = useCallback((heldId: string) => {
    setHeldNotice(heldId);
    void forgetOfflineCopy(docId).then(() => setGeneration((g) => g + 1));
  }, [docId]);
  if (error) return <main className="page"><p className="error" role="alert">{error}</p></main>;
  if (!doc) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;
  // Status and permission changes arrive on the open socket: the editors turn read-only or writable in place.
  return <LiveDocument key={generation} doc={doc} user={user} onSessionExpired={onSessionExpired} onDocChanged={setDoc} heldNotice={heldNotice} onHeld={onHeld} onHeldSettled={() => setHeldNotice(null)} />;
}

/** Whether a key event happened in a text field of the page (not in the bill). */
function inFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function LiveDocument({ doc, user, onSessionExpired, onDocChanged, heldNotice, onHeld, onHeldSettled }: {
  doc: DocumentSummary;
  user: SessionUser;
  onSessionExpired: () => void;
  onDocChanged: (d: DocumentSummary) => void;
  heldNotice: string | null;
  onHeld: (heldId: string) => void;
  onHeldSettled: () => void;
}) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const collab = useCollabDoc(doc.id);
  // The server announces status and permission changes on the socket; the metadata is read again.
  useEffect(() => {
    if (!collab.access) return;
    api<DocumentSummary>(`/api/documents/${encodeURIComponent(doc.id)}`).then(onDocChanged).catch(() => undefined);
  }, [collab.access, doc.id, onDocChanged]);
  useEffect(() => {
    if (collab.held) onHeld(collab.held);
  }, [collab.held, onHeld]);
  const canWrite = doc.canWrite && collab.access?.canWrite !== false;
  const people = usePresence(collab.provider);
  const store = useMemo(() => new BillStore(collab.ydoc, doc.docType, user.name), [collab.ydoc, doc.docType, user.name]);
  useEffect(() => () => store.destroy(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
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
  const [finding, setFinding] = useState(false);
  const [lineNumbers, setLineNumbers] = useState(() => localStorage.getItem('puente.lineNumbers') === '1');
  useEffect(() => localStorage.setItem('puente.lineNumbers', lineNumbers ? '1' : '0'), [lineNumbers]);
  useEffect(() => store.setSuggesting(suggesting), [store, suggesting]);
  const comments = useComments(doc.id, store);
  const [view, setView] = useState<'both' | Lang>('both');
  const [swapped, setSwapped] = useState(false);
  const matcher = useGlossary();
  useEffect(() => store.setMatcher(matcher), [store, matcher]);
  const labels = useMemo(() => ({
    outdated: t('alignment.flagOutdated'), missing: t('alignment.flagMissing'), unconfirmed: t('alignment.flagUnconfirmed'), glossary: t('alignment.flagGlossary'),
  }), [t]);
  const alignment = useAlignment(store, user.name, canWrite, labels, matcher);
  const columns = useMemo(() => (swapped ? [...LANGS].reverse() : [...LANGS]).filter((l) => view === 'both' || view === l), [swapped, view]);
  const unfilled = Object.values(params).filter((v) => !v?.en || !v?.es).length;
  const caretUser = useMemo(() => ({ id: user.id, name: user.name }), [user.id, user.name]);

  const actions: SectionActions = useMemo(() => ({
    insert: () => { if (canWrite) store.insertSection(); },
    move: (direction) => {
      const id = store.currentSection();
      if (canWrite && id) store.moveSection(id, direction);
    },
    remove: () => {
      const id = store.currentSection();
      if (!canWrite || !id) return;
      if (window.confirm(t('editor.confirmDeleteNamed', { section: store.describe(id, uiLang) }))) store.deleteSection(id);
      else void store.focusBlock(id, store.focused?.lang ?? uiLang, 'keep');
    },
  }), [store, canWrite, t, uiLang]);

  const labelOf = useCallback((id: string) => store.label(id, uiLang), [store, uiLang]);
  const insertRef = useCallback((sectionId: string) => {
    store.focusedEditor()?.chain().focus().insertCrossRef(sectionId).run();
  }, [store]);

  // The presence label and caret colour of this person, set once for every editor of the page.
  useEffect(() => {
    collab.provider.awareness.setLocalStateField('user', { name: user.name, color: self?.color ?? '#1f6feb' });
  }, [collab.provider, user.name, self?.color]);

  // Undo and redo work from anywhere on the page, not only inside an editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if ((k === 'f' || k === 'h') && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        setFinding(true);
        return;
      }
      if (inFormField(e.target)) return;
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); store.undo(); }
      else if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); store.redo(); }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

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
            {!canWrite && <span className="badge" data-testid="read-only">{t('editor.readOnly')}</span>}
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
      {!canWrite && <ReadOnlyBanner doc={doc} user={user} />}
      {heldNotice && (
        <div className="held-notice" role="alert" data-testid="held-notice">
          {t('held.notice')}{' '}
          <button type="button" className="link-button danger" onClick={() => { void api(`/api/documents/${doc.id}/held/${heldNotice}`, { method: 'DELETE' }).finally(onHeldSettled); }} data-testid="held-notice-discard">{t('held.discard')}</button>
        </div>
      )}
      {exporting && <ExportDialog doc={doc} unfilled={unfilled} onClose={() => setExporting(false)} />}
      {statusError && <p className="error" role="alert">{statusError}</p>}
      {collab.fatal === 'forbidden' && <p className="error" role="alert">{t('collab.forbidden')}</p>}
      {collab.fatal === 'notFound' && <p className="error" role="alert">{t('collab.notFound')}</p>}
      {canWrite && (
        <div className="toolbar-row">
          <SectionToolbar store={store} actions={actions} />
          <button type="button" className={suggesting ? 'active suggest-toggle' : 'suggest-toggle'} aria-pressed={suggesting} onClick={() => setSuggesting(!suggesting)} data-testid="suggest-toggle">
            {suggesting ? t('suggestions.suggesting') : t('suggestions.editing')}
          </button>
        </div>
      )}
      <div className={`workspace doc-${doc.kind}`}>
      <aside className="sidebar">
        <HeldEditsPanel docId={doc.id} store={store} user={user} uiLang={uiLang} refreshKey={collab.held ?? heldNotice} />
        <CommentsPanel docId={doc.id} store={store} comments={comments} />
        <Outline store={store} lang={uiLang} canInsertRef={canWrite} onInsertRef={insertRef} />
        <DeletedSections store={store} lang={uiLang} canRestore={canWrite} />
        <ParameterPanel ydoc={collab.ydoc} params={params} declared={declared} editable={canWrite} />
        <SuggestionsPanel store={store} canSettle={canWrite} />
        <AlignmentPanel store={store} statuses={alignment.statuses} glossary={alignment.glossary} matcher={matcher} canWrite={canWrite} userName={user.name} uiLang={uiLang} texts={alignment.texts} />
        {doc.kind === 'variant' && (
          <UpstreamPanel docId={doc.id} lang={uiLang} editable={canWrite} labelOf={labelOf} />
        )}
        <VersionsPanel docId={doc.id} editable={canWrite} />
        <SectionHistoryPanel docId={doc.id} store={store} lang={uiLang} />
      </aside>
      <div className="bilingual-wrap">
      <div className="view-options" role="group" aria-label={t('view.label')}>
        {(['both', 'en', 'es'] as const).map((v) => (
          <button key={v} type="button" className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => setView(v)} data-testid={`view-${v}`}>{t(`view.${v}`)}</button>
        ))}
        <button type="button" onClick={() => setSwapped(!swapped)} disabled={view !== 'both'} data-testid="swap-sides">{t('view.swap')}</button>
        <button type="button" className={lineNumbers ? 'active' : ''} onClick={() => setLineNumbers(!lineNumbers)} aria-pressed={lineNumbers} data-testid="toggle-line-numbers">{t('view.lineNumbers')}</button>
        <button type="button" onClick={() => setFinding(!finding)} aria-pressed={finding} data-testid="open-find" title={`${t('find.open')} (Ctrl+F)`}>{t('find.open')}</button>
      </div>
      {finding && <FindReplaceBar store={store} canReplace={canWrite} user={caretUser} uiLang={uiLang} onClose={() => setFinding(false)} />}
      {snapshot.blocks.length === 0 ? (
        <p className="muted" data-testid="doc-loading">{collab.synced ? t('editor.emptyDocument') : t('common.loading')}</p>
      ) : (
        <BillView store={store} provider={collab.provider} columns={columns} editable={canWrite} user={caretUser} actions={actions} flags={alignment.flags} onLocalEdit={alignment.onLocalEdit} authoritative={authoritative} lineNumbers={lineNumbers} />
      )}
      </div>
      </div>
    </main>
  );
}
