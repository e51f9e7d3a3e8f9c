import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { formatDateTime } from '../app/format';
import type { Lang } from '@shared/bill/Lang';
import { blockIdOfPosition } from '@shared/layout';
import type { BillStore } from '../bill/BillStore';
import { selectionAnchor, threadAnchor, type Thread } from './useComments';
import { anchorRange } from '../editor/extensions/CommentHighlights';

function ThreadView({ docId, thread, onChange }: { docId: string; thread: Thread; onChange: () => void }) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  async function send(e: FormEvent) {
    e.preventDefault();
    await api(`/api/documents/${docId}/comments/${thread.id}/replies`, { method: 'POST', body: { body: reply } });
    setReply('');
    onChange();
  }
  async function resolve(resolved: boolean) {
    await api(`/api/documents/${docId}/comments/${thread.id}/resolve`, { method: 'POST', body: { resolved } });
    onChange();
  }
  return (
    <li className={thread.resolved ? 'thread resolved' : 'thread'} data-testid={`thread-${thread.id}`}>
      <blockquote lang={thread.lang} className={thread.orphaned ? 'orphaned' : ''}>
        {thread.currentQuote || thread.quote}
        {thread.orphaned && <span className="small muted"> · {t('comments.orphaned')}</span>}
      </blockquote>
      {thread.comments.map((c) => (
        <div key={c.id} className="comment">
          <strong>{c.author.name}</strong> <span className="muted small">{formatDateTime(c.createdAt)}</span>
          <p>{c.body}</p>
        </div>
      ))}
      {!thread.resolved && (
        <form onSubmit={(e) => void send(e)} className="version-form">
          <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t('comments.reply')} aria-label={t('comments.reply')} required maxLength={10000} />
          <button type="submit">{t('comments.send')}</button>
        </form>
      )}
      <button type="button" className="link-button" onClick={() => void resolve(!thread.resolved)}>
        {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
      </button>
    </li>
  );
}

/** Comment threads: start one on the selected passage (reviewers too), reply, resolve and reopen. */
export function CommentsPanel({ docId, store, threads, reload }: { docId: string; store: BillStore; threads: Thread[]; reload: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);

  async function start(e: FormEvent) {
    e.preventDefault();
    // The passage selected where the cursor was last.
    let editor = store.focusedEditor();
    let lang: Lang = store.focused?.lang ?? 'en';
    if (!editor || editor.state.selection.empty) {
      // Else any mounted editor holding a selection (a reader's editor does not take focus).
      for (const l of [lang, lang === 'en' ? 'es' : 'en'] as Lang[]) {
        const hit = store.editorsOf(l).find((x) => !x.editor.state.selection.empty);
        if (hit) { editor = hit.editor; lang = l; break; }
      }
    }
    const anchor = editor ? selectionAnchor(editor) : null;
    if (!anchor) {
      setError(t('comments.selectFirst'));
      return;
    }
    try {
      await api(`/api/documents/${docId}/comments`, { method: 'POST', body: { lang, ...anchor, body } });
      setBody('');
      setError(null);
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  async function jump(thread: Thread) {
    const a = threadAnchor(thread);
    const blockId = a ? blockIdOfPosition(store.ydoc, a.start) : null;
    if (!a || !blockId) return;
    const editor = await store.ensureEditor(blockId, thread.lang);
    const range = anchorRange(editor.state, a);
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    store.setFocused({ id: blockId, lang: thread.lang });
  }

  const open = threads.filter((x) => !x.resolved);
  const resolved = threads.filter((x) => x.resolved);
  return (
    <section className="side-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title">{t('comments.title', { count: open.length })}</h2>
      <form onSubmit={(e) => void start(e)} className="comment-form">
        <textarea value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('comments.placeholder')} aria-label={t('comments.placeholder')} required maxLength={10000} rows={2} data-testid="comment-body" />
        <button type="submit" data-testid="comment-add">{t('comments.add')}</button>
      </form>
      {error && <p className="error small" role="alert">{error}</p>}
      <ul className="thread-list">
        {open.map((th) => (
          <div key={th.id} onClick={() => void jump(th)}>
            <ThreadView docId={docId} thread={th} onChange={reload} />
          </div>
        ))}
      </ul>
      {resolved.length > 0 && (
        <button type="button" className="link-button" onClick={() => setShowResolved(!showResolved)}>
          {t('comments.resolvedCount', { count: resolved.length })}
        </button>
      )}
      {showResolved && <ul className="thread-list">{resolved.map((th) => <ThreadView key={th.id} docId={docId} thread={th} onChange={reload} />)}</ul>}
    </section>
  );
}
