import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import type { Transaction } from '@tiptap/pm/state';
import type { BlockInfo } from '@shared/layout';
import { isSectionKind } from '@shared/schema/blockSchemas';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';
import type { SectionActions } from '../bill/SectionActions';
import { BlockEditor } from '../editor/BlockEditor';
import { StaticBlock } from '../editor/StaticBlock';
import { measureLines } from '../editor/measureLines';

/** Rows drawn statically before the first paint, and per idle slice after. */
const INITIAL_ROWS = 24;
const ROWS_PER_SLICE = 40;

/** A flag drawn on one language of a section. */
export interface CellFlag {
  flag: 'outdated' | 'missing' | 'unconfirmed' | 'glossary';
  label: string;
}

/** Flags by block id and language. */
export type CellFlags = Map<string, Partial<Record<Lang, CellFlag>>>;

interface RowProps {
  store: BillStore;
  provider: WebsocketProvider;
  block: BlockInfo;
  columns: Lang[];
  editable: boolean;
  user: { id: string; name: string };
  actions: SectionActions;
  flags: Partial<Record<Lang, CellFlag>> | undefined;
  lineNumbers: boolean;
  /** Whether the row's static drawing may be built yet (rows far down are drawn in idle time). */
  ready: boolean;
  observe: (el: Element, onChange: (near: boolean) => void) => () => void;
  onLocalEdit: (blockId: string, lang: Lang, tr: Transaction) => void;
}

/** One block: its languages side by side in one row, so they are always level. */
const BlockRow = memo(function BlockRow({ store, provider, block, columns, editable, user, actions, flags, lineNumbers, ready, observe, onLocalEdit }: RowProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);
  const [lines, setLines] = useState<Partial<Record<Lang, number[]>>>({});
  // Line numbers restart in each block, counted on the lines as drawn; redone when its text or the width changes.
  useEffect(() => {
    const row = ref.current;
    if (!lineNumbers || !row) {
      setLines({});
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next: Partial<Record<Lang, number[]>> = {};
        row.querySelectorAll<HTMLElement>('.block-cell').forEach((cell) => {
          const lang = cell.getAttribute('lang') as Lang;
          const text = cell.querySelector<HTMLElement>('.bill-editor');
          if (text) next[lang] = measureLines(text).map((top) => top + text.offsetTop);
        });
        setLines(next);
      });
    };
    measure();
    const stop = store.subscribeBlock(block.id, measure);
    const resize = new ResizeObserver(measure);
    resize.observe(row);
    return () => {
      stop();
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [lineNumbers, store, block.id, mounted, columns]);
  const pending = useRef<{ lang: Lang; at: { x: number; y: number } | null } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return observe(el, (near) => {
      if (near) setMounted(true);
      else if (store.focused?.id !== block.id) setMounted(false);
    });
  }, [observe, store, block.id]);
  useEffect(() => store.onMountRequest((id) => { if (id === block.id) setMounted(true); }), [store, block.id]);
  useEffect(() => {
    const want = pending.current;
    if (!mounted || !want) return;
    pending.current = null;
    void store.ensureEditor(block.id, want.lang).then((editor) => {
      const pos = want.at ? editor.view.posAtCoords({ left: want.at.x, top: want.at.y })?.pos : undefined;
      void store.focusBlock(block.id, want.lang, pos ?? 'start');
    });
  }, [mounted, store, block.id]);
  const section = isSectionKind(block.kind);
  return (
    <div ref={ref} className={`block-row kind-${block.kind}${block.form !== 'any' ? ` form-${block.form}` : ''}`} data-block-id={block.id} data-kind={block.kind} data-testid={`row-${block.id}`}>
      {columns.map((lang) => {
        const flag = flags?.[lang];
        return (
          <div key={lang} lang={lang} className={`block-cell cell-${lang}${section ? ' bill-section' : ''}${flag ? ` flag-${flag.flag}` : ''}`} data-flag={flag?.label} data-testid={`cell-${block.id}-${lang}`}>
            {lines[lang] && (
              <div className="line-numbers" aria-hidden="true" data-testid={`lines-${block.id}-${lang}`}>
                {lines[lang]!.map((top, i) => <span key={i} style={{ top }}>{i + 1}</span>)}
              </div>
            )}
            {mounted ? (
              <BlockEditor store={store} provider={provider} blockId={block.id} kind={block.kind} lang={lang} editable={editable} user={user} actions={actions} onLocalEdit={onLocalEdit} />
            ) : ready ? (
              <StaticBlock store={store} blockId={block.id} lang={lang} onActivate={(at) => { pending.current = { lang, at }; setMounted(true); }} />
            ) : (
              <div className="block-cell-editor pending-block" />
            )}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The bill as rows of blocks, each row holding the block's languages side by side. Rows near the
 * viewport get editors; the others are drawn statically (and skipped by layout while off screen),
 * so a long bill opens at once and scrolls end to end.
 */
export const BillView = memo(function BillView({ store, provider, columns, editable, user, actions, flags, onLocalEdit, authoritative, lineNumbers }: {
  store: BillStore;
  provider: WebsocketProvider;
  columns: Lang[];
  editable: boolean;
  user: { id: string; name: string };
  actions: SectionActions;
  flags: CellFlags;
  onLocalEdit: (blockId: string, lang: Lang, tr: Transaction) => void;
  authoritative: Lang | null;
  lineNumbers: boolean;
}) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  // The first rows are drawn at once; the rest in slices when the browser is idle, so the top of a long
  // bill is editable first. Rows near the viewport get their editors whatever the slice.
  const [readyCount, setReadyCount] = useState(INITIAL_ROWS);
  useEffect(() => {
    if (readyCount >= snapshot.blocks.length) return;
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 16));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setReadyCount((c) => c + ROWS_PER_SLICE));
    return () => cancel(handle);
  }, [readyCount, snapshot.blocks.length]);
  const observer = useRef<IntersectionObserver | null>(null);
  const callbacks = useRef(new Map<Element, (near: boolean) => void>());
  useEffect(() => {
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) callbacks.current.get(e.target)?.(e.isIntersecting);
    }, { rootMargin: '900px 0px 900px 0px' });
    observer.current = io;
    for (const el of callbacks.current.keys()) io.observe(el);
    return () => io.disconnect();
  }, []);
  const observe = useCallback((el: Element, onChange: (near: boolean) => void) => {
    callbacks.current.set(el, onChange);
    observer.current?.observe(el);
    return () => {
      callbacks.current.delete(el);
      observer.current?.unobserve(el);
    };
  }, []);
  return (
    <div className={`bill-rows cols-${columns.length}`} data-testid="bill-rows">
      <div className="block-row bill-head">
        {columns.map((lang) => (
          <h2 key={lang} className="lang-label">
            {t(`languages.${lang}`)}
            {authoritative === lang && <span className="authoritative" data-testid={`authoritative-${lang}`}>{t('editor.authoritative')}</span>}
            {authoritative && authoritative !== lang && <span className="courtesy">{t('editor.translation')}</span>}
          </h2>
        ))}
      </div>
      {snapshot.blocks.map((block, index) => (
        <BlockRow key={block.id} ready={index < readyCount} store={store} provider={provider} block={block} columns={columns} editable={editable} user={user} actions={actions} flags={flags.get(block.id)} lineNumbers={lineNumbers} observe={observe} onLocalEdit={onLocalEdit} />
      ))}
    </div>
  );
});
