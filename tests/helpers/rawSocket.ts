import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../client/shared/collab/closeCodes';

/** What became of one message sent on a raw socket. */
export type Outcome = { kind: 'acked' } | { kind: 'answered'; bytes: number } | { kind: 'closed'; code: number };

/**
 * A bare collaboration socket (`?ack=1`) that sends one message at a time and waits for what it
 * caused: the acknowledgement of an update, the answer (sync step 2) to a sync step 1, or the
 * socket closing. A closed socket is reopened for the next message.
 */
export class RawSocket {
  private ws: WebSocket | null = null;
  private waiter: ((o: Outcome) => void) | null = null;
  private expectAnswer = false;
  private answerBytes = 0;

  constructor(private readonly url: string) {}

  private async open(): Promise<WebSocket> {
    if (this.ws) return this.ws;
    const ws = new WebSocket(this.url);
    ws.binaryType = 'nodebuffer';
    // The server greets with its sync step 1: once it has, the room is loaded and the socket counts.
    const greeted = new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve());
      ws.once('error', reject);
      ws.once('close', (code) => reject(new Error(`closed ${code} before the greeting`)));
    });
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('close', (code) => {
      if (this.ws === ws) this.ws = null;
      this.settle({ kind: 'closed', code });
    });
    await greeted;
    this.ws = ws;
    return ws;
  }

  private onMessage(data: Buffer): void {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === MessageType.Ack && !this.expectAnswer) return this.settle({ kind: 'acked' });
    if (type !== MessageType.Sync || !this.expectAnswer) return;
    const sub = decoding.readVarUint(d);
    this.answerBytes += decoding.readVarUint8Array(d).byteLength;
    if (sub === 1) this.settle({ kind: 'answered', bytes: this.answerBytes }); // sync step 2 ends an answer
  }

  private settle(outcome: Outcome): void {
    const w = this.waiter;
    this.waiter = null;
    w?.(outcome);
  }

  /** Opens the socket and waits for the server's greeting. */
  async ready(): Promise<void> {
    await this.open();
  }

  /** Sends `message` and resolves with its outcome; `answer`: it is a sync step 1, wait for its step 2. */
  async send(message: Uint8Array, answer = false, timeoutMs = 60_000): Promise<Outcome> {
    const ws = await this.open();
    this.expectAnswer = answer;
    this.answerBytes = 0;
    return new Promise<Outcome>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no outcome')), timeoutMs);
      this.waiter = (o) => {
        clearTimeout(timer);
        resolve(o);
      };
      ws.send(message);
    });
  }

  close(): void {
    this.ws?.close();
    this.ws = null;
  }
}
