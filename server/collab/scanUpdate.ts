import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { UpdateRejected } from './UpdateRejected';
import { deleteSetUpdate } from './writeV1';

/**
 * Bounds on one update that honest editing never reaches. A paste of a 200-page bill is about
 * 21,000 structs from one client id; a client coming back online sends its own client id's
 * structs (a few more only after the server was restored from a backup) and its whole delete set
 * (37,000 ranges for a 200-page bill after 200,000 edits).
 */
export const UPDATE_LIMITS = {
  /** Client ids with structs in one update. */
  clients: 256,
  structs: 500_000,
  deleteRanges: 1_000_000,
  /** UTF-8 bytes of one text item (a paragraph pasted whole). */
  textBytes: 1 << 20,
  /** Encoded bytes of one item's values (a value of `meta`, an attribute, a mark). */
  valueBytes: 1 << 20,
  /** Nesting of arrays and objects inside one value. */
  valueDepth: 16,
  /** A map key, root name, element or attribute name, or mark name. */
  keyBytes: 256,
  /** Clocks beyond this cannot come from honest editing and make Yjs allocate or loop. */
  clock: 2 ** 40,
  /** Shared types inside one another, counted from a root (a bill: blocks, block, language, element, element, text). */
  typeDepth: 8,
  /** Client ids are unsigned 32-bit numbers (Yjs draws them so). */
  clientId: 2 ** 32 - 1,
} as const;

/** Struct refs of the v1 update format (yjs/src/utils/encoding.js). */
const GC = 0;
const SKIP = 10;
const enum ContentRef { Deleted = 1, Json = 2, Binary = 3, String = 4, Embed = 5, Format = 6, Type = 7, Any = 8, Doc = 9 }
const XML_ELEMENT = 3;
const XML_HOOK = 5;
const LAST_TYPE_REF = 6;

/** The depth the scan found for the type created at `clock` of `client`; 0 when it is not in the update. */
function depthOf(depths: Map<number, Map<number, number>>, client: number, clock: number): number {
  return depths.get(client)?.get(clock) ?? 0;
}

/** Where each piece of a scanned update starts and ends, to apply it in steps. */
export interface ScannedUpdate {
  structs: number;
  deleteRanges: number;
  /** The update cut into updates of at most `pieceSize` structs or delete ranges (one piece: the update itself). */
  pieces: Uint8Array[];
}

interface Run { client: number; clock: number; count: number; start: number; end: number }

/** Structs or delete ranges scanned between two steps of scanInSteps. */
const STEP = 4000;

function refuse(why: string): never {
  throw new UpdateRejected(why);
}

class Scanner {
  private readonly d: decoding.Decoder;

  constructor(private readonly bytes: Uint8Array) {
    this.d = decoding.createDecoder(bytes);
  }

  get pos(): number {
    return this.d.pos;
  }

  get left(): number {
    return this.bytes.length - this.d.pos;
  }

  uint(what: string, max: number = Number.MAX_SAFE_INTEGER): number {
    if (this.left <= 0) refuse(`the update ends inside ${what}`);
    const n = decoding.readVarUint(this.d);
    if (this.d.pos > this.bytes.length) refuse(`the update ends inside ${what}`);
    if (n > max) refuse(`${what} ${n} is more than ${max}`);
    return n;
  }

  byte(what: string): number {
    if (this.left <= 0) refuse(`the update ends inside ${what}`);
    return decoding.readUint8(this.d);
  }

  skip(n: number, what: string): void {
    if (n > this.left) refuse(`${what} runs past the end of the update`);
    this.d.pos += n;
  }

  /** Skips a length-prefixed byte string of at most `max` bytes; returns where its bytes start. */
  bytesOf(what: string, max: number): { at: number; len: number } {
    const len = this.uint(what, max);
    const at = this.d.pos;
    this.skip(len, what);
    return { at, len };
  }

  /** Reads a string of at most `max` UTF-8 bytes exactly as Yjs will (lib0, fatal on bad UTF-8). */
  string(what: string, max: number): string {
    const start = this.d.pos;
    this.bytesOf(what, max);
    this.d.pos = start;
    try {
      return decoding.readVarString(this.d);
    } catch {
      return refuse(`${what} is not UTF-8`);
    }
  }

  /** A JSON text (marks, embeds): bounded in size and nesting before Yjs parses it. */
  json(what: string): void {
    const { at, len } = this.bytesOf(what, UPDATE_LIMITS.valueBytes);
    let depth = 0;
    let inString = false;
    for (let i = at; i < at + len; i++) {
      const c = this.bytes[i];
      if (inString) {
        if (c === 0x5c) i++; // backslash: skip the escaped character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > UPDATE_LIMITS.valueDepth) refuse(`${what} is nested deeper than ${UPDATE_LIMITS.valueDepth}`);
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
  }

  /** One lib0 "any" value (lib0/decoding.js readAny), walked without recursion, bounded in nesting. */
  any(what: string): void {
    // One frame per open container: values still to read in it, and whether a key precedes each.
    const stack: { left: number; keyed: boolean }[] = [{ left: 1, keyed: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { left: number; keyed: boolean };
      if (top.left === 0) {
        stack.pop();
        continue;
      }
      top.left--;
      if (top.keyed) this.bytesOf('a key of an object', UPDATE_LIMITS.keyBytes);
      const tag = this.byte(what);
      if (tag === 127 || tag === 126 || tag === 121 || tag === 120) continue; // undefined, null, false, true
      if (tag === 125) this.varInt(what);
      else if (tag === 124) this.skip(4, what);
      else if (tag === 123 || tag === 122) this.skip(8, what);
      else if (tag === 119 || tag === 116) this.bytesOf(what, UPDATE_LIMITS.valueBytes);
      else if (tag === 118 || tag === 117) {
        if (stack.length > UPDATE_LIMITS.valueDepth) refuse(`${what} is nested deeper than ${UPDATE_LIMITS.valueDepth}`);
        stack.push({ left: this.uint(what, this.left), keyed: tag === 118 });
      } else refuse(`${what} has an unknown value type ${tag}`);
    }
  }

  private varInt(what: string): void {
    if (this.left <= 0) refuse(`the update ends inside ${what}`);
    decoding.readVarInt(this.d);
    if (this.d.pos > this.bytes.length) refuse(`the update ends inside ${what}`);
  }

  /** The id the last `ref` read. */
  refClient = 0;
  refClock = 0;

  /** Reads an id that the struct at `client`/`clock` refers to: Yjs expects its own client's earlier structs there. */
  ref(what: string, client: number, clock: number): void {
    const refClient = this.uint(what, UPDATE_LIMITS.clientId);
    const refClock = this.uint(what, UPDATE_LIMITS.clock);
    if (refClient === client && refClock >= clock) refuse(`${what} refers forward to clock ${refClock} of its own client`);
    this.refClient = refClient;
    this.refClock = refClock;
  }

  /** Reads an item's content; returns its length in clock ticks, as Yjs counts it. */
  content(ref: number): number {
    switch (ref) {
      case ContentRef.Deleted:
        return this.uint('a deleted length', UPDATE_LIMITS.clock);
      case ContentRef.Json: {
        const n = this.uint('a JSON item count', this.left);
        for (let i = 0; i < n; i++) this.json('a JSON value');
        return n;
      }
      case ContentRef.Binary:
        this.bytesOf('binary content', UPDATE_LIMITS.valueBytes);
        return 1;
      case ContentRef.String:
        return this.string('a text', UPDATE_LIMITS.textBytes).length;
      case ContentRef.Embed:
        this.json('an embed');
        return 1;
      case ContentRef.Format:
        this.bytesOf('a mark name', UPDATE_LIMITS.keyBytes);
        this.json('a mark value');
        return 1;
      case ContentRef.Type: {
        const type = this.uint('a type', LAST_TYPE_REF);
        if (type === XML_ELEMENT || type === XML_HOOK) this.bytesOf('an element name', UPDATE_LIMITS.keyBytes);
        return 1;
      }
      case ContentRef.Any: {
        const n = this.uint('a value count', this.left);
        const start = this.pos;
        for (let i = 0; i < n; i++) this.any('a value');
        if (this.pos - start > UPDATE_LIMITS.valueBytes) refuse(`values of more than ${UPDATE_LIMITS.valueBytes} bytes in one item`);
        return n;
      }
      case ContentRef.Doc:
        return refuse('subdocuments are not used');
      default:
        return refuse(`unknown content ${ref}`);
    }
  }
}

function runUpdate(bytes: Uint8Array, run: Run): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, run.count);
  encoding.writeVarUint(e, run.client);
  encoding.writeVarUint(e, run.clock);
  encoding.writeUint8Array(e, bytes.subarray(run.start, run.end));
  encoding.writeVarUint(e, 0); // no deletes
  return encoding.toUint8Array(e);
}

/**
 * Walks a Yjs update (v1) without building it, before anything expensive happens, and refuses it
 * when it is malformed, exceeds UPDATE_LIMITS, runs past its end or has bytes after it, starts a
 * client's structs past what the document (`stateOf`) has, or deletes what neither the document
 * nor the update holds (Yjs would keep such structs and deletes pending, and retry them on every
 * later update). Values are walked without recursion. Cuts the update into pieces of at most
 * `pieceSize` structs or delete ranges (and `pieceBytes` bytes), each an update of its own, in the
 * order they must be applied.
 */
export function scanUpdate(update: Uint8Array, stateOf: (client: number) => number, pieceSize = Infinity, pieceBytes = Infinity): ScannedUpdate {
  const steps = scanInSteps(update, stateOf, pieceSize, pieceBytes);
  for (;;) {
    const step = nextStep(steps);
    if (step.done) return step.value;
  }
}

/** One step of scanInSteps; what it throws is an UpdateRejected. */
export function nextStep(steps: Generator<void, ScannedUpdate>): IteratorResult<void, ScannedUpdate> {
  try {
    return steps.next();
  } catch (err) {
    if (err instanceof UpdateRejected) throw err;
    throw new UpdateRejected(`undecodable update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** scanUpdate a few thousand structs at a time, for a large update: each `next()` is a short step (see nextStep). */
export function* scanInSteps(update: Uint8Array, stateOf: (client: number) => number, pieceSize = Infinity, pieceBytes = Infinity): Generator<void, ScannedUpdate> {
  const s = new Scanner(update);
  const clients = s.uint('the number of clients', UPDATE_LIMITS.clients);
  const runs: Run[] = [];
  const ends = new Map<number, number>();
  const depths = new Map<number, Map<number, number>>();
  let work = 0;
  let structs = 0;
  for (let c = 0; c < clients; c++) {
    const count = s.uint('the number of structs', s.left);
    structs += count;
    if (structs > UPDATE_LIMITS.structs) refuse(`more than ${UPDATE_LIMITS.structs} structs`);
    const client = s.uint('a client id', UPDATE_LIMITS.clientId);
    let clock = s.uint('a clock', UPDATE_LIMITS.clock);
    if (ends.has(client)) refuse('a client listed twice');
    let have = stateOf(client);
    let run: Run = { client, clock, count: 0, start: s.pos, end: s.pos };
    for (let i = 0; i < count; i++) {
      const info = s.byte('a struct');
      const ref = info & 0x1f;
      let len: number;
      if (ref === GC || ref === SKIP) len = s.uint('a length', UPDATE_LIMITS.clock);
      else {
        // How deep this item stands, as far as the update shows: one below a parent it names, beside a neighbour.
        let depth = 0;
        if (info & 0x80) {
          s.ref('an origin', client, clock);
          depth = depthOf(depths, s.refClient, s.refClock);
        }
        if (info & 0x40) {
          s.ref('a right origin', client, clock);
          depth = Math.max(depth, depthOf(depths, s.refClient, s.refClock));
        }
        if ((info & 0xc0) === 0) {
          const isRoot = s.uint('parent info', 1) === 1;
          if (isRoot) s.bytesOf('a root name', UPDATE_LIMITS.keyBytes);
          else s.ref('a parent', client, clock);
          depth = 1 + (isRoot ? 0 : depthOf(depths, s.refClient, s.refClock));
          if (info & 0x20) s.bytesOf('a key', UPDATE_LIMITS.keyBytes);
        }
        if (ref === ContentRef.Type) {
          if (depth > UPDATE_LIMITS.typeDepth) refuse(`shared types nested deeper than ${UPDATE_LIMITS.typeDepth}`);
          let byClock = depths.get(client);
          if (!byClock) depths.set(client, (byClock = new Map()));
          byClock.set(clock, depth);
        }
        len = s.content(ref);
      }
      if (len < 1) refuse('an empty struct');
      if (clock + len > UPDATE_LIMITS.clock) refuse('implausible clock or length');
      if (ref !== SKIP) {
        if (clock > have) refuse(`structs of client ${client} start at ${clock}, past the ${have} the document has`);
        have = Math.max(have, clock + len);
      }
      clock += len;
      if (++work % STEP === 0) yield;
      run.count++;
      run.end = s.pos;
      if (run.count >= pieceSize || run.end - run.start >= pieceBytes) {
        runs.push(run);
        run = { client, clock, count: 0, start: s.pos, end: s.pos };
      }
    }
    if (run.count > 0) runs.push(run);
    ends.set(client, have);
  }

  const deleting = new Set<number>();
  const dsPieces: Map<number, number[]>[] = [];
  let piece = new Map<number, number[]>();
  let inPiece = 0;
  let deleteRanges = 0;
  const dsClients = s.uint('the number of clients with deletes', s.left);
  for (let c = 0; c < dsClients; c++) {
    const client = s.uint('a client id', UPDATE_LIMITS.clientId);
    const count = s.uint('the number of deletes', s.left);
    deleteRanges += count;
    if (deleteRanges > UPDATE_LIMITS.deleteRanges) refuse(`more than ${UPDATE_LIMITS.deleteRanges} delete ranges`);
    if (deleting.has(client)) refuse('a client listed twice among the deletes');
    deleting.add(client);
    const known = Math.max(stateOf(client), ends.get(client) ?? 0);
    for (let i = 0; i < count; i++) {
      const clock = s.uint('a delete clock', UPDATE_LIMITS.clock);
      const len = s.uint('a delete length', UPDATE_LIMITS.clock);
      if (len < 1) refuse('an empty delete range');
      if (clock + len > known) refuse(`deletes clocks ${clock}–${clock + len} of client ${client}, of which only ${known} exist`);
      if (++work % STEP === 0) yield;
      const list = piece.get(client) ?? [];
      list.push(clock, len);
      piece.set(client, list);
      if (++inPiece >= pieceSize) {
        dsPieces.push(piece);
        piece = new Map();
        inPiece = 0;
      }
    }
  }
  if (s.left !== 0) refuse(`${s.left} bytes after the update`);
  if (inPiece > 0) dsPieces.push(piece);

  const small = structs < pieceSize && deleteRanges < pieceSize && update.length < pieceBytes;
  const pieces = small ? [update] : [...runs.map((r) => runUpdate(update, r)), ...dsPieces.map(deleteSetUpdate)];
  return { structs, deleteRanges, pieces };
}
