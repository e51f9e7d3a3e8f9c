import * as Y from 'yjs';
import { connectClient, type TestClient } from './yClient';
import { blocksOf, orderOf, STRUCTURE_ORIGIN } from '../../client/shared/layout';

/** Origin of typing in tests: the structure undo manager does not track it, so typed text is never undone. */
export const TYPING_ORIGIN = 'test:typing';

/**
 * A real y-websocket client that edits structure like the editor does: an undo manager over `order`
 * and `blocks` tracking only STRUCTURE_ORIGIN (each edit its own step), and a record of the close
 * codes the server ended its connections with (a 44xx stops a provider from reconnecting).
 */
export interface StructurePeer {
  name: string;
  client: TestClient;
  doc: Y.Doc;
  undo: Y.UndoManager;
  refusals: string[];
  online(): boolean;
  goOffline(): void;
  goOnline(): void;
}

/** Connects a StructurePeer to a document. */
export function connectPeer(serverUrl: string, docId: string, token: string, name: string): StructurePeer {
  const client = connectClient(serverUrl, docId, token);
  const doc = client.doc;
  const undo = new Y.UndoManager([orderOf(doc), blocksOf(doc)], { trackedOrigins: new Set([STRUCTURE_ORIGIN]), captureTimeout: 0, ignoreRemoteMapChanges: true });
  const refusals: string[] = [];
  client.provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) refusals.push(`${name} closed by the server: ${event.code} ${event.reason}`);
  });
  return {
    name,
    client,
    doc,
    undo,
    refusals,
    online: () => client.provider.shouldConnect,
    goOffline: () => client.provider.disconnect(),
    goOnline: () => client.provider.connect(),
  };
}

/** Polls `check` every 2 ms; fails with `what` (and any refusal seen) after `timeoutMs`, or at once on a refusal. */
export async function waitUntil(peers: readonly StructurePeer[], check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    const refused = peers.flatMap((p) => p.refusals);
    if (refused.length) throw new Error(`${what}: ${refused.join('; ')}`);
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function sameStateVectors(peers: readonly StructurePeer[]): boolean {
  const [first, ...rest] = peers.map((p) => Y.encodeStateVector(p.doc));
  return !!first && rest.every((sv) => sv.length === first.length && sv.every((b, i) => b === first[i]));
}

/**
 * Brings every peer online and waits until each is synced, the server has acknowledged everything
 * each sent, and all hold the same updates (equal state vectors).
 */
export async function settle(peers: readonly StructurePeer[], what = 'convergence'): Promise<void> {
  for (const p of peers) if (!p.online()) p.goOnline();
  await waitUntil(peers, () => peers.every((p) => p.client.provider.synced), `${what}: everyone synced`);
  await Promise.all(peers.map((p) => p.client.allAcked(10_000)));
  await waitUntil(peers, () => sameStateVectors(peers), `${what}: equal state vectors`);
}
