import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockInfo, blocksOf, deleteBlock, insertBlock, moveBlockAfter, moveSection, normalizeOrder, restoreBlock, orderOf, visibleOrder, STRUCTURE_ORIGIN } from '../../client/shared/layout';

const sync = (...docs: Y.Doc[]) => { for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))); };
const undoer = (d: Y.Doc) => new Y.UndoManager([orderOf(d), blocksOf(d)], { trackedOrigins: new Set([STRUCTURE_ORIGIN]), captureTimeout: 0, ignoreRemoteMapChanges: true });
const lost = (d: Y.Doc) => [...blocksOf(d).keys()].filter((id) => !blockInfo(d, id)?.deleted && !visibleOrder(d).includes(id));

function bill(): Y.Doc {
  const d = new Y.Doc();
  insertBlock(d, { kind: 'section', id: 's1', afterId: null }, 'setup');
  insertBlock(d, { kind: 'section', id: 's2', afterId: 's1' }, 'setup');
  insertBlock(d, { kind: 'section', id: 's3', afterId: 's2' }, 'setup');
  return d;
}

// Cases the randomized convergence test found (trial 464 of seed 20261124 and others): each lost a section before the fix.
describe('concurrent structure edits and undo never lose a section', () => {
  it('1: undo of a delete, while a writer who has not seen the undo drops the deleted id', () => {
    const a = bill(); const b = new Y.Doc(); const c = new Y.Doc(); sync(a, b, c);
    const bUndo = undoer(b);
    moveSection(a, 's3', -1);            // a: [s1, s3, s2]
    deleteBlock(b, 's3', 'B');           // b, concurrently: s3 deleted
    sync(a, b, c);                       // order [s1, s3(a's), s2]; s3 deleted, hidden
    bUndo.undo();                        // b: s3 shown again; undo re-creates b's old occurrence: [s1, s3, s2, s3]
    b.transact(() => normalizeOrder(b), STRUCTURE_ORIGIN); // b (next writer): drops the later s3
    c.transact(() => normalizeOrder(c), STRUCTURE_ORIGIN); // c, concurrently, still sees s3 deleted: drops a's s3
    sync(a, b, c);
    expect(blockInfo(a, 's3')?.deleted).toBeNull();
    expect(visibleOrder(a)).toEqual(['s1', 's3', 's2']);
    expect(lost(a)).toEqual([]);                         
  });

  it('2: undo of a move, while another writer removes the duplicate the move left', () => {
    const a = bill(); const b = new Y.Doc(); sync(a, b);
    a.clientID = 1; b.clientID = 2;      // a's concurrent insert sorts first
    const aUndo = undoer(a);
    moveSection(a, 's3', -1);            // a: [s1, s3, s2]
    moveBlockAfter(b, 's3', 's1');       // b, concurrently, the same: [s1, s3, s2]
    sync(a, b);                          // order [s1, s3(a's), s3(b's), s2]
    aUndo.undo();                        // a: deletes its occurrence, re-creates the old one: [s1, s3(b's), s2, s3(old)]
    a.transact(() => normalizeOrder(a), STRUCTURE_ORIGIN); // a (next writer): keeps b's, drops the old one
    b.transact(() => normalizeOrder(b), STRUCTURE_ORIGIN); // b, concurrently: keeps a's (first), drops its own
    sync(a, b);
    expect(visibleOrder(a)).toEqual(['s1', 's3', 's2']);
    expect(lost(a)).toEqual([]);                         
  });

  it('3: redo of an undone restore, while a writer who has not seen the redo drops the deleted id', () => {
    const a = bill(); const b = new Y.Doc(); const c = new Y.Doc(); sync(a, b, c);
    const bUndo = undoer(b);
    deleteBlock(b, 's3', 'B');
    restoreBlock(b, 's3');               // b: [s1, s2, s3]
    sync(a, b, c);
    moveBlockAfter(a, 's3', 's1');       // a: [s1, s3, s2]
    sync(a, b, c);
    bUndo.undo();                        // b undoes its restore: s3 deleted again; a's entry for it stays in order
    sync(a, b, c);
    bUndo.redo();                        // b redoes the restore: s3 shown again, at a's entry (nothing re-created)
    c.transact(() => normalizeOrder(c), STRUCTURE_ORIGIN); // c, concurrently, still sees s3 deleted: drops that entry
    sync(a, b, c);
    expect(blockInfo(a, 's3')?.deleted).toBeNull();
    expect(visibleOrder(a)).toEqual(['s1', 's3', 's2']);
    expect(lost(a)).toEqual([]);                         
  });

  it('4: one client alone: undo of an insert after the section was deleted and that delete undone', () => {
    const d = bill();
    const undo = undoer(d);
    insertBlock(d, { kind: 'section', id: 'x', afterId: 's1' });
    deleteBlock(d, 'x', 'A');
    undo.undo();                          // x is back
    moveSection(d, 's3', -1);             // any structure edit (it clears the redo stack)
    undo.undo();                          // the move undone
    undo.undo();                          // the insert undone: x should be among the deleted blocks
    expect(blockInfo(d, 'x')?.deleted?.after).toBe('s1');  // fails: deleted is null
    expect(lost(d)).toEqual([]);                         
  });
});

