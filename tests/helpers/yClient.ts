import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../client/shared/collab/closeCodes';

/** A real y-websocket client in Node, with the acknowledgement counter Puente's client uses. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced(): Promise<void>;
  /** Resolves when the server has acknowledged every update this client sent. */
  allAcked(timeoutMs?: number): Promise<void>;
  closeEvent(): Promise<{ code: number; reason: string }>;
  /** Messages sent on the current connection that the server will count, and how many it has acknowledged. */
  counters(): { expected: number; acked: number };
  destroy(): void;
}

/** Connects a stock WebsocketProvider to `serverUrl/collab/docId`. */
export function connectClient(serverUrl: string, docId: string, token: string | null, extraParams: Record<string, string> = {}): TestClient {
  const doc = new Y.Doc();
  const params: Record<string, string> = { ack: '1', ...extraParams };
  if (token) params.token = token;
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/collab', docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  let expected = 0;
  let acked = 0;
  const ackWaiters: (() => void)[] = [];
  provider.messageHandlers[MessageType.Ack] = (_enc, decoder) => {
    acked = decoding.readVarUint(decoder);
    if (acked >= expected) ackWaiters.splice(0).forEach((f) => f());
  };
  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      expected = 1;
      acked = 0;
    }
  });
  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin !== provider && provider.wsconnected) expected++;
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    synced: () =>
      new Promise((resolve) => {
        if (provider.synced) return resolve();
        provider.once('sync', () => resolve());
      }),
    allAcked: (timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (provider.wsconnected && acked >= expected) return resolve();
        const timer = setTimeout(() => reject(new Error(`not acknowledged: ${acked}/${expected}`)), timeoutMs);
        ackWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    closeEvent: () => closed,
    counters: () => ({ expected, acked }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
