import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Editor } from '@tiptap/react';
import { api } from '../app/api';
import type { CommentAnchor } from '../editor/extensions/CommentHighlights';
import { LANGS } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';
import type { CommentThread } from '@shared/api/CommentThread';
import { subscribeEvents } from '../app/eventStream';

/** A comment thread as the API serves it. */
export type Thread = CommentThread;

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** Decodes a base64 anchor from the API. */
export const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The relative positions of a selection, to anchor a new thread; null without a selection. */
export function selectionAnchor(editor: Editor): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const { from, to } = editor.state.selection;
  if (to <= from) return null;
  const y = ySyncPluginKey.getState(editor.state) as { type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  if (!y?.type || !y.binding) return null;
  const start = absolutePositionToRelativePosition(from, y.type, y.binding.mapping as never);
  const end = absolutePositionToRelativePosition(to, y.type, y.binding.mapping as never);
  return { anchorStart: toB64(Y.encodeRelativePosition(start)), anchorEnd: toB64(Y.encodeRelativePosition(end)), quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 2000) };
}

/** The anchors of a thread as relative positions, or null when it has none. */
export function threadAnchor(t: Thread): CommentAnchor | null {
  if (!t.anchorStart || !t.anchorEnd) return null;
  return { id: t.id, resolved: t.resolved, start: Y.decodeRelativePosition(fromB64(t.anchorStart)), end: Y.decodeRelativePosition(fromB64(t.anchorEnd)) };
}

/** Puts a thread that changed into the list: in place, or at the end when it is new. */
function merge(threads: Thread[], changed: Thread): Thread[] {
  const at = threads.findIndex((t) => t.id === changed.id);
  if (at < 0) return [...threads, changed];
  const next = [...threads];
  next[at] = changed;
  return next;
}

/** What the comments of a document offer the page. */
export interface Comments {
  threads: Thread[];
  reload: () => void;
  /** Marks one thread read (and the notifications about it). */
  markRead: (threadId: string) => void;
  markAllRead: () => void;
}

/**
 * The document's threads, loaded once, then kept up to date by the server's event stream (a thread
 * that changes arrives at once; after a reconnection the list is loaded again); draws their anchors
 * in every editor.
 */
export function useComments(docId: string, store: BillStore): Comments {
  const [threads, setThreads] = useState<Thread[]>([]);
  const reload = useCallback(() => {
    api<Thread[]>(`/api/documents/${docId}/comments`).then(setThreads).catch(() => undefined);
  }, [docId]);
  useEffect(() => {
    reload();
    let opened = false;
    return subscribeEvents(`/api/documents/${encodeURIComponent(docId)}/events`, {
      events: { comments: (data) => setThreads((list) => merge(list, (data as { thread: Thread }).thread)) },
      onOpen: () => {
        if (opened) reload();
        opened = true;
      },
    });
  }, [docId, reload]);
  useEffect(() => {
    for (const lang of LANGS) {
      store.setAnchors(lang, threads.filter((t) => t.lang === lang).map(threadAnchor).filter((a): a is CommentAnchor => a !== null));
    }
  }, [threads, store]);
  const markRead = useCallback((threadId: string) => {
    setThreads((list) => list.map((t) => (t.id === threadId ? { ...t, unread: 0 } : t)));
    void api(`/api/documents/${docId}/comments/${threadId}/read`, { method: 'POST', body: {} }).catch(() => undefined);
  }, [docId]);
  const markAllRead = useCallback(() => {
    setThreads((list) => list.map((t) => ({ ...t, unread: 0 })));
    void api(`/api/documents/${docId}/comments/read`, { method: 'POST', body: {} }).catch(() => undefined);
  }, [docId]);
  return { threads, reload, markRead, markAllRead };
}
