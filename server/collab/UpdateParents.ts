import * as Y from 'yjs';

/**
 * What a decoded item stands under: a root by name, a type already in the document, a type created
 * by the same update, `gone` (under something garbage-collected: Yjs drops the item), or null when
 * neither the update nor the document has its parent or neighbours.
 */
export type ParentRef = { root: string } | { type: Y.AbstractType<unknown> } | { item: Y.Item } | 'gone' | null;

/** An item's parent and its key in that parent (null: a list item). */
export interface Placement {
  parent: ParentRef;
  key: string | null;
}

type Struct = Y.Item | Y.GC | Y.Skip;
const UNKNOWN: Placement = { parent: null, key: null };
const GONE: Placement = { parent: 'gone', key: null };

/**
 * Finds where the items of a decoded update go, as Yjs will place them: an item names its parent
 * (a root, or the id of a type) or inherits it from its left or right neighbour, which may be in the
 * update or in the document. The update's structs may be added piece by piece, in order; a chain
 * of neighbours is followed without recursion, however long.
 */
export class UpdateParents {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly memo = new Map<Y.Item, Placement>();

  constructor(private readonly doc: Y.Doc, structs: readonly Struct[] = []) {
    this.add(structs);
  }

  /** Adds structs of the update (a later piece follows, per client, the clocks of the earlier ones). */
  add(structs: readonly Struct[]): void {
    const touched = new Set<Struct[]>();
    for (const s of structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) {
        list = [];
        this.byClient.set(s.id.client, list);
      }
      const last = list[list.length - 1];
      if (last && last.id.clock > s.id.clock) touched.add(list);
      list.push(s);
    }
    for (const list of touched) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** Whether the document already has all of `item` (Yjs skips it). */
  known(item: Y.Item): boolean {
    return item.id.clock + item.length <= Y.getState(this.doc.store, item.id.client);
  }

  /** The struct holding `id`: the document's if it has it, else the update's. */
  find(id: Y.ID): { struct: Y.Item | Y.GC; inDoc: boolean } | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const structs = this.doc.store.clients.get(id.client);
      const struct = structs?.[Y.findIndexSS(structs, id.clock)];
      return struct ? { struct, inDoc: true } : null;
    }
    const list = this.byClient.get(id.client) ?? [];
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Struct;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? null : { struct: s, inDoc: false };
    }
    return null;
  }

  /** Where `item` (of the update) goes. */
  placement(item: Y.Item): Placement {
    const cached = this.memo.get(item);
    if (cached) return cached;
    // Follow neighbours until an item whose place is known or written; every item on the way gets
    // that place. An item met twice is a cycle: unknown.
    const chain: Y.Item[] = [];
    const onChain = new Set<Y.Item>();
    let current: Y.Item = item;
    let result: Placement;
    for (;;) {
      chain.push(current);
      onChain.add(current);
      const step = this.step(current);
      if (!('next' in step)) {
        result = step;
        break;
      }
      const known = this.memo.get(step.next);
      if (known) {
        result = known;
        break;
      }
      if (onChain.has(step.next)) {
        result = UNKNOWN;
        break;
      }
      current = step.next;
    }
    for (const c of chain) this.memo.set(c, result);
    return result;
  }

  /** An item's placement when it is written or found in the document, else the update's neighbour it inherits it from. */
  private step(item: Y.Item): Placement | { next: Y.Item } {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') return { parent: { root: parent }, key: item.parentSub };
    if (parent instanceof Y.ID) {
      const found = this.find(parent);
      if (!found) return UNKNOWN;
      const { struct, inDoc } = found;
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return { parent: 'gone', key: item.parentSub };
      return { parent: inDoc ? { type: struct.content.type } : { item: struct }, key: item.parentSub };
    }
    // No parent written: Yjs takes the left neighbour's, else the right one's; a collected neighbour drops the item.
    const left = item.origin ? this.find(item.origin) : null;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
    if ((item.origin && !left) || (item.rightOrigin && !right)) return UNKNOWN;
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return GONE;
    const neighbour = left ?? right;
    if (!neighbour || !(neighbour.struct instanceof Y.Item)) return UNKNOWN;
    return neighbour.inDoc ? this.docPlacement(neighbour.struct) : { next: neighbour.struct };
  }

  private docPlacement(item: Y.Item): Placement {
    const parent: unknown = item.parent;
    return parent instanceof Y.AbstractType ? { parent: { type: parent as Y.AbstractType<unknown> }, key: item.parentSub } : GONE;
  }

  /** The name of a root type of the document, or null when `type` is not a root. */
  rootName(type: Y.AbstractType<unknown>): string | null {
    for (const [name, root] of this.doc.share) if (root === type) return name;
    return null;
  }
}
