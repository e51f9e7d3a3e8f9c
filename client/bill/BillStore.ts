import * as Y from 'yjs';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  blockInfo, blocksOf, deleteBlock, deletedBlocks, insertBlock, moveSection, observeLayout, orderOf, readBlock, restoreBlock,
  sectionHeadingText, visibleBlocks, STRUCTURE_ORIGIN, type BlockInfo, type BlockContent,
} from '@shared/layout';
import { isSectionKind } from '@shared/schema/blockSchemas';
import { numberBlocks, type BlockNumber, type NumberingStyle } from '@shared/bill/numbering';
import { LANGS, type Lang } from '@shared/bill/Lang';
import type { GlossaryMatcher } from '@shared/bill/glossary';
import { suggestModeKey } from '../editor/extensions/SuggestMode';
import { glossaryKey } from '../editor/extensions/GlossaryHighlight';
import { commentHighlightsKey, type CommentAnchor } from '../editor/extensions/CommentHighlights';
import { blockNumberingKey } from '../editor/extensions/BlockNumbering';
import { findHighlightKey } from '../editor/extensions/FindHighlight';
import type { FindQuery } from '@shared/bill/findMatches';

/** Where a person's cursor is: a block, in one language. */
export interface FocusTarget {
  id: string;
  lang: Lang;
}

/** Where to put the cursor when focusing a block. */
export type FocusAt = 'start' | 'end' | 'keep' | number;

/** What the structure views render: shown blocks, deleted ones, numbers and headings per language. */
export interface BillSnapshot {
  blocks: BlockInfo[];
  deleted: BlockInfo[];
  numbers: Record<Lang, Map<string, BlockNumber>>;
  headings: Record<Lang, Map<string, string>>;
}

const key = (id: string, lang: Lang) => `${id}\u0000${lang}`;

/**
 * The client's view of one bill: which blocks are shown and in what order, their numbers and
 * headings, each block's content (read lazily, cached until it changes), the mounted editors, where
 * the cursor is, and one undo history for text and structure in both languages. Reads and writes go
 * through the shared layout module.
 */
export class BillStore {
  readonly undoManager: Y.UndoManager;
  focused: FocusTarget | null = null;
  private snap: BillSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly blockListeners = new Map<string, Set<() => void>>();
  private readonly revisions = new Map<string, number>();
  private readonly nodes = new Map<string, { rev: number; node: PMNode }>();
  private readonly editors = new Map<string, Editor>();
  private readonly waiting = new Map<string, ((e: Editor) => void)[]>();
  private readonly mountListeners = new Set<(id: string) => void>();
  private readonly focusListeners = new Set<() => void>();
  private readonly stopObserving: () => void;

  constructor(readonly ydoc: Y.Doc, readonly style: NumberingStyle, readonly userName: string) {
    this.snap = this.compute();
    this.undoManager = new Y.UndoManager([orderOf(ydoc), blocksOf(ydoc)], {
      trackedOrigins: new Set<unknown>([ySyncPluginKey, STRUCTURE_ORIGIN]),
      captureTimeout: 500,
      // Undo restores a block's `deleted` key even when a colleague changed it since: otherwise undoing
      // a restore could take a section out of the order without marking it deleted, and lose it.
      ignoreRemoteMapChanges: true,
    });
    this.undoManager.on('stack-item-added', ({ stackItem }: { stackItem: { meta: Map<string, unknown> } }) => {
      if (this.focused && !stackItem.meta.has('focus')) stackItem.meta.set('focus', this.focused);
    });
    this.undoManager.on('stack-item-popped', ({ stackItem }: { stackItem: { meta: Map<string, unknown> } }) => {
      const focus = stackItem.meta.get('focus') as FocusTarget | undefined;
      if (focus) queueMicrotask(() => void this.focusBlock(focus.id, focus.lang, 'keep'));
    });
    this.stopObserving = observeLayout(ydoc, (change) => {
      for (const id of change.blocks) {
        this.revisions.set(id, (this.revisions.get(id) ?? 0) + 1);
      }
      const headingsChanged = [...change.blocks].some((id) => this.headingChanged(id));
      if (change.structure || headingsChanged) {
        this.snap = change.structure ? this.compute() : { ...this.snap, headings: this.readHeadings(this.snap.blocks) };
        for (const fn of this.listeners) fn();
        if (change.structure) for (const fn of this.numberListeners) fn();
      }
      for (const id of change.blocks) this.blockListeners.get(id)?.forEach((fn) => fn());
    });
  }

  private compute(): BillSnapshot {
    // Unchanged blocks keep their objects, so rows that did not change are not drawn again.
    const previous = new Map((this.snap?.blocks ?? []).map((b) => [b.id, b]));
    const same = (a: BlockInfo, b: BlockInfo | undefined) => !!b && a.kind === b.kind && a.form === b.form && a.deleted === null && b.deleted === null;
    const blocks = visibleBlocks(this.ydoc).map((b) => (same(b, previous.get(b.id)) ? (previous.get(b.id) as BlockInfo) : b));
    return {
      blocks,
      deleted: deletedBlocks(this.ydoc),
      numbers: { en: numberBlocks(blocks, 'en', this.style), es: numberBlocks(blocks, 'es', this.style) },
      headings: this.readHeadings(blocks),
    };
  }

  private readHeadings(blocks: BlockInfo[]): Record<Lang, Map<string, string>> {
    const out = { en: new Map<string, string>(), es: new Map<string, string>() };
    for (const b of blocks) {
      if (!isSectionKind(b.kind)) continue;
      for (const lang of LANGS) out[lang].set(b.id, sectionHeadingText(this.ydoc, b.id, lang));
    }
    return out;
  }

  private headingChanged(id: string): boolean {
    return LANGS.some((lang) => {
      const known = this.snap.headings[lang].get(id);
      return known !== undefined && known !== sectionHeadingText(this.ydoc, id, lang);
    });
  }

  /** The current structure; a new object after each structure or heading change. */
  snapshot = (): BillSnapshot => this.snap;

  /** Calls `fn` when the structure or a heading changes. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private readonly numberListeners = new Set<() => void>();

  /** Calls `fn` when numbering may have changed (the order or a block's kind), not on text edits. */
  subscribeNumbers = (fn: () => void): (() => void) => {
    this.numberListeners.add(fn);
    return () => this.numberListeners.delete(fn);
  };

  /** Calls `fn` when the content of block `id` changes (either language). */
  subscribeBlock(id: string, fn: () => void): () => void {
    let set = this.blockListeners.get(id);
    if (!set) {
      set = new Set();
      this.blockListeners.set(id, set);
    }
    set.add(fn);
    return () => set.delete(fn);
  }

  /**
   * Calls `fn` once after a run of changes to the bill has paused for `delayMs` (for views that
   * read the whole bill: find, suggestions); returns the unsubscribe.
   */
  onSettled(fn: () => void, delayMs: number): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = observeLayout(this.ydoc, () => {
      if (timer === null) timer = setTimeout(() => { timer = null; fn(); }, delayMs);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }

  /** A counter that grows with every change to block `id`. */
  revision(id: string): number {
    return this.revisions.get(id) ?? 0;
  }

  /** One language of a block as a ProseMirror node, cached until the block changes; null if unknown. */
  node(id: string, lang: Lang): PMNode | null {
    const rev = this.revision(id);
    const cached = this.nodes.get(key(id, lang));
    if (cached && cached.rev === rev) return cached.node;
    const info = blockInfo(this.ydoc, id);
    if (!info) return null;
    const node = readBlock(this.ydoc, info, lang);
    this.nodes.set(key(id, lang), { rev, node });
    return node;
  }

  /**
   * What a static rendering of a block depends on besides its content: its own label and the labels
   * of the sections it refers to. A string, so a view re-renders only when it changes.
   */
  numberingKey(id: string, lang: Lang): string {
    const numbers = this.snap.numbers[lang];
    const rev = this.revision(id);
    const k = key(id, lang);
    let refs = this.refTargets.get(k);
    if (!refs || refs.rev !== rev) {
      const targets: string[] = [];
      this.node(id, lang)?.descendants((n) => {
        if (n.type.name === 'crossRef') targets.push(String(n.attrs.target));
        return !n.isLeaf;
      });
      refs = { rev, targets };
      this.refTargets.set(k, refs);
    }
    return [numbers.get(id)?.label ?? '', ...refs.targets.map((t) => numbers.get(t)?.refLabel ?? '∅')].join('|');
  }

  private readonly refTargets = new Map<string, { rev: number; targets: string[] }>();

  /** The printed label of a block ("Section 3." / "Artículo 3.-"), or '' for unnumbered blocks. */
  label(id: string, lang: Lang): string {
    return this.snap.numbers[lang].get(id)?.label ?? '';
  }

  /** "Section 5, Annual Report": how a section is named in messages. */
  describe(id: string, lang: Lang): string {
    const label = (this.snap.numbers[lang].get(id)?.refLabel ?? '').replace(/^\w/, (c) => c.toUpperCase());
    const heading = this.snap.headings[lang].get(id) ?? this.node(id, lang)?.firstChild?.textContent ?? '';
    return heading ? `${label}, ${heading}` : label;
  }

  // ---- what every mounted editor shows: suggesting mode, glossary terms, comment anchors, numbers

  private settings: { suggesting: boolean; matcher: GlossaryMatcher | null; anchors: Record<Lang, CommentAnchor[]>; find: Record<Lang, FindQuery | null> } = {
    suggesting: false, matcher: null, anchors: { en: [], es: [] }, find: { en: null, es: null },
  };

  /** Whether suggesting mode is on (edits become suggestions). */
  get suggesting(): boolean {
    return this.settings.suggesting;
  }

  /** Highlights the find bar's matches in the editors of the languages searched. */
  setFind(query: Record<Lang, FindQuery | null>): void {
    this.settings.find = query;
    for (const lang of LANGS) for (const { editor } of this.editorsOf(lang)) {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(findHighlightKey, query[lang]).setMeta('addToHistory', false));
    }
  }

  /** Turns suggesting on or off in every editor. */
  setSuggesting(on: boolean): void {
    this.settings.suggesting = on;
    for (const lang of LANGS) for (const { editor } of this.editorsOf(lang)) this.applySettings(editor, lang);
  }

  /** Loads the glossary into every editor. */
  setMatcher(matcher: GlossaryMatcher | null): void {
    this.settings.matcher = matcher;
    for (const lang of LANGS) for (const { editor } of this.editorsOf(lang)) this.applySettings(editor, lang);
  }

  /** Shows the comment anchors of one language in its editors. */
  setAnchors(lang: Lang, anchors: CommentAnchor[]): void {
    this.settings.anchors[lang] = anchors;
    for (const { editor } of this.editorsOf(lang)) this.applySettings(editor, lang);
  }

  /** Brings a (new) editor up to date with the document-wide settings and numbers. */
  applySettings(editor: Editor, lang: Lang): void {
    if (editor.isDestroyed) return;
    const tr = editor.state.tr
      .setMeta(suggestModeKey, this.settings.suggesting)
      .setMeta(commentHighlightsKey, this.settings.anchors[lang])
      .setMeta(blockNumberingKey, this.snap.numbers[lang])
      .setMeta(findHighlightKey, this.settings.find[lang])
      .setMeta('addToHistory', false);
    if (this.settings.matcher) tr.setMeta(glossaryKey, this.settings.matcher);
    editor.view.dispatch(tr);
  }

  /** Brings an editor's section and cross-reference numbers up to date. */
  applyNumbers(editor: Editor, lang: Lang): void {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(blockNumberingKey, this.snap.numbers[lang]).setMeta('addToHistory', false));
  }

  // ---- editors and focus

  /** Records the editor mounted for a block's language (null when it unmounts). */
  setEditor(id: string, lang: Lang, editor: Editor | null): void {
    const k = key(id, lang);
    if (!editor) {
      this.editors.delete(k);
      return;
    }
    this.editors.set(k, editor);
    this.waiting.get(k)?.forEach((resolve) => resolve(editor));
    this.waiting.delete(k);
  }

  /** The mounted editor of a block's language, if any. */
  editor(id: string, lang: Lang): Editor | null {
    const e = this.editors.get(key(id, lang));
    return e && !e.isDestroyed ? e : null;
  }

  /** Every mounted editor of a language. */
  editorsOf(lang: Lang): { id: string; editor: Editor }[] {
    const out: { id: string; editor: Editor }[] = [];
    for (const [k, editor] of this.editors) {
      const [id, l] = k.split('\u0000');
      if (l === lang && id && !editor.isDestroyed) out.push({ id, editor });
    }
    return out;
  }

  /** The editor holding the cursor, if any. */
  focusedEditor(): Editor | null {
    return this.focused ? this.editor(this.focused.id, this.focused.lang) : null;
  }

  /** Called by a block editor that gained focus. */
  setFocused(target: FocusTarget): void {
    if (this.focused?.id === target.id && this.focused.lang === target.lang) return;
    this.focused = target;
    this.focusListeners.forEach((fn) => fn());
  }

  /** Calls `fn` when the focused block changes. */
  onFocusChange(fn: () => void): () => void {
    this.focusListeners.add(fn);
    return () => this.focusListeners.delete(fn);
  }

  /** Asks the view to mount the editors of block `id` (it listens with `onMountRequest`). */
  onMountRequest(fn: (id: string) => void): () => void {
    this.mountListeners.add(fn);
    return () => this.mountListeners.delete(fn);
  }

  /** The editor of a block's language, mounting it first when needed. */
  ensureEditor(id: string, lang: Lang): Promise<Editor> {
    const existing = this.editor(id, lang);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => {
      const k = key(id, lang);
      this.waiting.set(k, [...(this.waiting.get(k) ?? []), resolve]);
      this.mountListeners.forEach((fn) => fn(id));
    });
  }

  /** Puts the cursor in a block (mounting its editor if needed) and scrolls it into view. */
  async focusBlock(id: string, lang: Lang, at: FocusAt = 'start'): Promise<void> {
    const editor = await this.ensureEditor(id, lang);
    if (editor.isDestroyed) return;
    const chain = editor.chain();
    if (at === 'start') chain.focus('start', { scrollIntoView: true });
    else if (at === 'end') chain.focus('end', { scrollIntoView: true });
    else if (at === 'keep') chain.focus(undefined, { scrollIntoView: true });
    else chain.focus(Math.max(1, Math.min(at, editor.state.doc.content.size - 1)), { scrollIntoView: true });
    chain.run();
    this.setFocused({ id, lang });
  }

  // ---- structure

  /** The section holding the cursor, if the cursor is in one. */
  currentSection(): string | null {
    const id = this.focused?.id;
    const info = id ? blockInfo(this.ydoc, id) : null;
    return info && isSectionKind(info.kind) ? info.id : null;
  }

  /**
   * Inserts an empty section after the section holding the cursor (after the last section when the
   * cursor is elsewhere) in both languages, and puts the cursor in its heading.
   */
  insertSection(content?: Partial<BlockContent>, lang: Lang = this.focused?.lang ?? 'en', after = this.currentSection()): string {
    return this.insertSections([content ?? {}], lang, after)[0] as string;
  }

  /** Inserts several sections one after the other, as one step of undo; the cursor goes to the last. */
  insertSections(contents: Partial<BlockContent>[], lang: Lang = this.focused?.lang ?? 'en', after = this.currentSection()): string[] {
    const blocks = this.snap.blocks;
    const sections = blocks.filter((b) => isSectionKind(b.kind));
    const lastSection = sections.filter((b) => b.kind === 'section').pop() ?? sections.pop();
    let afterId = after ?? lastSection?.id ?? blocks.filter((b) => b.kind !== 'closing' && b.kind !== 'signature').pop()?.id ?? null;
    this.undoManager.stopCapturing();
    const ids: string[] = [];
    for (const content of contents) {
      const id = insertBlock(this.ydoc, { kind: 'section', afterId, content }, STRUCTURE_ORIGIN, this.userName);
      ids.push(id);
      afterId = id;
    }
    this.undoManager.stopCapturing();
    const last = ids[ids.length - 1];
    if (last) void this.focusBlock(last, lang, 'start');
    return ids;
  }

  /** Moves a section one place up or down in both languages; the cursor stays in it. */
  moveSection(id: string, direction: -1 | 1): boolean {
    this.undoManager.stopCapturing();
    const moved = moveSection(this.ydoc, id, direction);
    this.undoManager.stopCapturing();
    if (moved && this.focused?.id === id) {
      const lang = this.focused.lang;
      requestAnimationFrame(() => void this.focusBlock(id, lang, 'keep'));
    }
    return moved;
  }

  /** Deletes a section in both languages (kept for restoring); the cursor goes to the next section. */
  deleteSection(id: string): boolean {
    const shown = this.snap.blocks;
    const index = shown.findIndex((b) => b.id === id);
    const next = shown.slice(index + 1).find((b) => isSectionKind(b.kind)) ?? shown.slice(0, index).reverse().find((b) => isSectionKind(b.kind));
    this.undoManager.stopCapturing();
    const done = deleteBlock(this.ydoc, id, this.userName);
    this.undoManager.stopCapturing();
    if (done && next) void this.focusBlock(next.id, this.focused?.lang ?? 'en', 'start');
    return done;
  }

  /** Brings a deleted section back where it stood, with everything typed into it. */
  restoreSection(id: string): boolean {
    this.undoManager.stopCapturing();
    const done = restoreBlock(this.ydoc, id);
    this.undoManager.stopCapturing();
    if (done) void this.focusBlock(id, this.focused?.lang ?? 'en', 'start');
    return done;
  }

  /** Undoes this person's last change (text or structure, either language). */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  /** Redoes what undo took back. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  destroy(): void {
    this.stopObserving();
    this.undoManager.destroy();
    this.listeners.clear();
    this.blockListeners.clear();
  }
}
