import { useEffect, useState, useSyncExternalStore, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { formatDateTime } from '../app/format';
import { usePathname } from '../app/navigation';
import { isLang, type Lang } from '@shared/bill/Lang';
import { findMentions, type Mentionable } from '@shared/bill/mentions';
import type { ThreadComment } from '@shared/api/CommentThread';
import { blockIdOfPosition } from '@shared/layout';
import type { BillStore } from '../bill/BillStore';
import { selectionAnchor, threadAnchor, type Comments, type Thread } from './useComments';
import { anchorRange } from '../editor/extensions/CommentHighlights';
import { MentionInput } from './MentionInput';
import { sectionName } from './sectionName';

/** A comment's text with the people it names set apart. */
function CommentBody({ comment }: { comment: ThreadComment }) {
  const parts: (string | { name: string; text: string })[] = [];
  let at = 0;
  for (const m of findMentions(comment.body, comment.mentions)) {
    parts.push(comment.body.slice(at, m.start), { name: m.person.name, text: comment.body.slice(m.start, m.end) });
    at = m.end;
  }
  parts.push(comment.body.slice(at));
  return <p>{parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i} className="mention">{p.text}</mark>))}</p>;
}

function ThreadView({ docId, thread, section, people, focused, onOpen }: {
  docId: string; thread: Thread; section: string; people: Mentionable[]; focused: boolean; onOpen: (t: Thread) => void;
}) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  async function send(e: FormEvent) {
    e.preventDefault();
    await api(`/api/documents/${docId}/comments/${thread.id}/replies`, { method: 'POST', body: { body: reply } });
    setReply('');
  }
  async function resolve(resolved: boolean) {
    await api(`/api/documents/${docId}/comments/${thread.id}/resolve`, { method: 'POST', body: { resolved } });
  }
  // A click on the card shows its passage; not one in its reply box or on its buttons.
  const open = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || !e.target.closest('form, button')) onOpen(thread);
  };
  const classes = ['thread', thread.resolved ? 'resolved' : '', thread.unread > 0 ? 'unread' : '', focused ? 'focused' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid={`thread-${thread.id}`} data-unread={thread.unread} onClick={open}>
      <div className="thread-head">
        {section && <span className="thread-section" data-testid="thread-section">{section}</span>}
        {thread.unread > 0 && <span className="badge badge-new" data-testid="thread-new">{t('comments.new')}</span>}
      </div>
      <blockquote lang={thread.lang} className={thread.orphaned ? 'orphaned' : ''}>
        {thread.currentQuote || thread.quote}
        {thread.orphaned && <span className="small muted"> · {t('comments.orphaned')}</span>}
      </blockquote>
      {thread.comments.map((c) => (
        <div key={c.id} className="comment">
          <strong>{c.author.name}</strong> <span className="muted small">{formatDateTime(c.createdAt)}</span>
          <CommentBody comment={c} />
        </div>
      ))}
      {!thread.resolved && (
        <form onSubmit={(e) => void send(e)} className="version-form">
          <MentionInput value={reply} onChange={setReply} people={people} multiline={false} label={t('comments.reply')} />
          <button type="submit">{t('comments.send')}</button>
        </form>
      )}
      <button type="button" className="link-button" onClick={() => void resolve(!thread.resolved)}>
        {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
      </button>
    </li>
  );
}

/** The people who may read the document, for the "@" picker. */
function usePeople(docId: string): Mentionable[] {
  const [people, setPeople] = useState<Mentionable[]>([]);
  useEffect(() => {
    api<Mentionable[]>(`/api/documents/${docId}/people`).then(setPeople).catch(() => setPeople([]));
  }, [docId]);
  return people;
}

/**
 * Comment threads, where a reviewer looks first: each card names its section, new comments are
 * marked and counted; start a thread on the selected passage (reviewers too), name colleagues with
 * "@", reply, resolve and reopen. `?thread=<id>` in the address (from a notification) opens one.
 */
export function CommentsPanel({ docId, store, comments }: { docId: string; store: BillStore; comments: Comments }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const { threads, markRead, markAllRead } = comments;
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  const people = usePeople(docId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const path = usePathname();
  const wanted = new URLSearchParams(path.split('?')[1] ?? '').get('thread');

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
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  async function jump(thread: Thread) {
    if (thread.unread > 0) markRead(thread.id);
    const a = threadAnchor(thread);
    const blockId = a ? blockIdOfPosition(store.ydoc, a.start) : null;
    if (!a || !blockId) return;
    const editor = await store.ensureEditor(blockId, thread.lang);
    const range = anchorRange(editor.state, a);
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    store.setFocused({ id: blockId, lang: thread.lang });
  }

  // A thread named in the address (a notification was clicked) is shown and read once it is loaded.
  const target = wanted ? threads.find((x) => x.id === wanted) : undefined;
  useEffect(() => {
    if (!target) return;
    document.querySelector(`[data-testid="thread-${target.id}"]`)?.scrollIntoView({ block: 'nearest' });
    void jump(target);
    // Only when the thread asked for changes, not on every update of it.
  }, [target?.id]);

  const open = threads.filter((x) => !x.resolved);
  const resolved = threads.filter((x) => x.resolved);
  const unread = threads.reduce((n, x) => n + x.unread, 0);
  const card = (th: Thread) => (
    <ThreadView key={th.id} docId={docId} thread={th} people={people} focused={th.id === wanted} onOpen={(x) => void jump(x)}
      section={th.sectionId ? sectionName(store, snapshot, th.sectionId, ui, t) : ''} />
  );
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title">
        {t('comments.title', { count: open.length })}
        {unread > 0 && <span className="badge badge-new" data-testid="comments-unread">{t('comments.unread', { count: unread })}</span>}
      </h2>
      {unread > 0 && <button type="button" className="link-button" onClick={markAllRead} data-testid="comments-mark-read">{t('comments.markAllRead')}</button>}
      <form onSubmit={(e) => void start(e)} className="comment-form">
        <MentionInput value={body} onChange={setBody} people={people} multiline label={t('comments.placeholder')} testId="comment-body" />
        <button type="submit" data-testid="comment-add">{t('comments.add')}</button>
      </form>
      {error && <p className="error small" role="alert">{error}</p>}
      <ul className="thread-list">{open.map(card)}</ul>
      {resolved.length > 0 && (
        <button type="button" className="link-button" onClick={() => setShowResolved(!showResolved)}>
          {t('comments.resolvedCount', { count: resolved.length })}
        </button>
      )}
      {showResolved && <ul className="thread-list">{resolved.map(card)}</ul>}
    </section>
  );
}
