import type { WebSocket } from 'ws';
import { CloseCode } from '@shared/collab/closeCodes';

/** What holds messages back while the updates they may carry are being committed (the UpdateStore). */
export interface CommitBarrier {
  holding(): boolean;
  afterCommit(docId: string, send: () => void): void;
}

/** How long a socket closed as too slow may take to read its close frame before it is dropped. */
const SLOW_CLOSE_GRACE_MS = 1000;

const outlets = new WeakMap<WebSocket, Outlet>();

/**
 * Everything the server sends on one collaboration socket goes out here, in order. While updates
 * are waiting for their commit, messages wait too (nobody sees an update that is not on disk). A
 * socket whose unsent data would pass `maxBufferedBytes` is closed with 4500 instead of buffering
 * more: its client reconnects and resyncs, and the server's memory stays bounded. One message
 * always goes out on a socket with nothing buffered, however large.
 */
export class Outlet {
  /** Set once the socket is being closed: nothing more is sent, nothing it sends is handled. */
  closing = false;

  constructor(
    readonly ws: WebSocket,
    private readonly docId: string,
    private readonly barrier: CommitBarrier,
    private readonly maxBufferedBytes: number,
    private readonly onSlow: (bufferedBytes: number) => void = () => undefined,
  ) {
    outlets.set(ws, this);
  }

  /** The outlet of a collaboration socket, if it has one. */
  static of(ws: WebSocket): Outlet | undefined {
    return outlets.get(ws);
  }

  send(message: Uint8Array): void {
    if (this.barrier.holding()) this.barrier.afterCommit(this.docId, () => this.write(message));
    else this.write(message);
  }

  /** Closes the socket after what was sent before (acknowledgements included) has gone out. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.barrier.afterCommit(this.docId, () => this.ws.close(code, reason));
  }

  private write(message: Uint8Array): void {
    const { ws } = this;
    if (ws.readyState !== ws.OPEN) return;
    const buffered = ws.bufferedAmount;
    if (buffered > 0 && buffered + message.byteLength > this.maxBufferedBytes) return this.tooSlow(buffered);
    ws.send(message);
  }

  private tooSlow(buffered: number): void {
    this.closing = true;
    this.onSlow(buffered);
    this.ws.close(CloseCode.SlowConsumer, 'too slow');
    // The close frame waits behind the unsent data; a socket that reads none of it is dropped soon,
    // freeing its buffers, rather than after ws's 30 s closing timeout.
    setTimeout(() => this.ws.terminate(), SLOW_CLOSE_GRACE_MS).unref();
  }
}
