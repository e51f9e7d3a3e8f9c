import * as Y from 'yjs';
import type { Services } from '../services';
import type { VersionEdits, VersionKind, VersionMeta } from '../storage/VersionStore';
import { LANGS, type Lang } from '@shared/bill/Lang';
import { blockAsDocumentNodes, blockInfo, migrateLegacyLayout, readBlock, visibleOrder } from '@shared/layout';
import { sectionTokens, type SectionTokens } from '@shared/compare/sectionTokens';
import { compareSection, type Change } from '@shared/compare/compareSections';
import { withDocState } from './documentContent';
import { versionDisplayName } from './versionName';

/** One section as it stood in one state of the document. */
interface SectionState {
  exists: boolean;
  shown: boolean;
  tokens: Record<Lang, SectionTokens | undefined>;
}

/** How a section changed from one state to the next. */
export type SectionChange = 'changed' | 'added' | 'deleted' | 'restored';

/** One change of a section's history: when, by whom, into which version, and its redline per language. */
export interface SectionHistoryEntry {
  /** The version that holds the change; null for edits not yet in a version. */
  versionId: string | null;
  kind: VersionKind | null;
  name: string;
  at: string;
  by: { id: string; name: string }[];
  status: SectionChange;
  /** The changed paragraphs of each language (null where that language did not change). */
  changes: Record<Lang, Change[][] | null>;
}

function readSection(ydoc: Y.Doc, sectionId: string): SectionState {
  const info = blockInfo(ydoc, sectionId);
  const tokens = { en: undefined, es: undefined } as Record<Lang, SectionTokens | undefined>;
  if (!info) return { exists: false, shown: false, tokens };
  for (const lang of LANGS) {
    tokens[lang] = sectionTokens({ type: 'doc', content: blockAsDocumentNodes(info, readBlock(ydoc, info, lang)) })[0];
  }
  return { exists: true, shown: visibleOrder(ydoc).includes(sectionId), tokens };
}

// Versions never change: a section read from one is kept (a bounded number of them).
const cache = new Map<string, SectionState>();
const CACHE_MAX = 5000;

function sectionInVersion(services: Services, docId: string, versionId: string, sectionId: string): SectionState {
  const key = `${versionId}\u0000${sectionId}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, services.versions.state(docId, versionId) ?? new Uint8Array([0, 0]));
    migrateLegacyLayout(ydoc);
    const state = readSection(ydoc, sectionId);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, state);
    return state;
  } finally {
    ydoc.destroy();
  }
}

/** The paragraphs of a redline that hold a change, or null when the language did not change. */
function changedParagraphs(before: SectionTokens | undefined, after: SectionTokens | undefined): Change[][] | null {
  if (!before && !after) return null;
  const c = compareSection(before, after);
  if (c.wordsChanged === 0 && c.params === 0 && (before?.paragraphs.length ?? 0) === (after?.paragraphs.length ?? 0)) return null;
  const out = c.paragraphs.map((p) => p.changes).filter((changes) => changes.some((x) => x.type !== 'equal'));
  return out.length ? out : null;
}

function statusOf(before: SectionState, after: SectionState, changes: Record<Lang, Change[][] | null>): SectionChange | null {
  if (!before.exists && after.exists) return 'added';
  if (before.shown && !after.shown) return 'deleted';
  if (!before.shown && after.shown) return 'restored';
  return changes.en || changes.es ? 'changed' : null;
}

/**
 * The history of one section, newest first: between each version of the document (named, automatic
 * or kept before a restore) and the one before, and between the last version and now, where the
 * section changed (text in either language, created, deleted or restored), with who edited it then
 * and a word redline of each language that changed.
 */
export function sectionHistory(services: Services, docId: string, sectionId: string, lang: Lang): SectionHistoryEntry[] {
  const names = new Map(services.users.list().map((u) => [u.id, u.name]));
  const people = (edits: VersionEdits | null) => {
    const ids = edits ? (edits.blocks[sectionId] ?? (Object.keys(edits.blocks).length ? [] : edits.by)) : [];
    return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
  };
  const steps: { meta: VersionMeta | null; state: SectionState; at: string; edits: VersionEdits | null }[] = services.versions
    .list(docId)
    .map((meta) => ({ meta, state: sectionInVersion(services, docId, meta.id, sectionId), at: meta.createdAt, edits: meta.edits }));
  const now = withDocState(services, docId, (ydoc) => readSection(ydoc, sectionId));
  steps.push({ meta: null, state: now, at: services.documents.get(docId)?.updatedAt ?? new Date().toISOString(), edits: services.history.peek(docId) });

  const out: SectionHistoryEntry[] = [];
  let before: SectionState = { exists: false, shown: false, tokens: { en: undefined, es: undefined } };
  steps.forEach((step, i) => {
    const after = step.state;
    // The first state is where the history starts, not a change.
    if (i > 0) {
      const changes = { en: changedParagraphs(before.tokens.en, after.tokens.en), es: changedParagraphs(before.tokens.es, after.tokens.es) };
      const status = statusOf(before, after, changes);
      if (status) {
        out.push({
          versionId: step.meta?.id ?? null, kind: step.meta?.kind ?? null, name: step.meta ? versionDisplayName(services, step.meta, lang) : '',
          at: step.at, by: people(step.edits), status, changes,
        });
      }
    }
    before = after;
  });
  return out.reverse();
}
