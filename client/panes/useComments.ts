import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Editor } from '@tiptap/react';
import { api } from '../app/api';
import type { CommentAnchor } from '../editor/extensions/CommentHighlights';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';

/** A comment thread as the API serves it. */
export interface Thread {
  id: string;
  lang: Lang;
  quote: string;
  currentQuote: string | null;
  orphaned: boolean;
  anchorStart: string | null;
  anchorEnd: string | null;
  resolved: boolean;
  resolvedBy: { id: string; name: string } | null;
  comments: { id: string; body: string; author: { id: string; name: string }; createdAt: string }[];
}

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

/** Loads the document's threads (again every few seconds), and draws their anchors in every editor. */
export function useComments(docId: string, store: BillStore): { threads: Thread[]; reload: () => void } {
  const [threads, setThreads] = useState<Thread[]>([]);
  const reload = useCallback(() => {
    api<Thread[]>(`/api/documents/${docId}/comments`).then(setThreads).catch(() => undefined);
  }, [docId]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, 4000);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    for (const lang of LANGS) {
      store.setAnchors(lang, threads.filter((t) => t.lang === lang).map(threadAnchor).filter((a): a is CommentAnchor => a !== null));
    }
  }, [threads, store]);
  return { threads, reload };
}
