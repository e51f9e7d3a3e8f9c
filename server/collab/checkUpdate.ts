import * as Y from 'yjs';
import { blockMapKind, childPlace, kindSetBy, rootPlace, shapeRefusal, type ShapePlace } from '@shared/layout';
import type { BlockKind } from '@shared/schema/blockSchemas';
import { UpdateParents, type ParentRef } from './UpdateParents';
import { UpdateRejected } from './UpdateRejected';
import { scanUpdate } from './scanUpdate';
import { sameAsDocument } from './sameAsDocument';

export { UpdateRejected } from './UpdateRejected';

type TypeRef = Exclude<ParentRef, 'gone' | null>;

function decode(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new UpdateRejected(`undecodable update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Places of the types an update writes into, from the document's types and the update's own; found without recursion. */
class Places {
  private readonly ofType = new Map<Y.AbstractType<unknown>, ShapePlace | null>();
  private readonly ofItem = new Map<Y.Item, ShapePlace | null>();
  /** Kinds set by the update on the block maps it creates. */
  private readonly kinds = new Map<Y.Item, BlockKind>();

  constructor(private readonly parents: UpdateParents) {}

  /** Remembers the kinds that items of the update set on block maps the update creates. */
  noteKinds(items: readonly Y.Item[]): void {
    for (const item of items) {
      const kind = kindSetBy(item.parentSub, item.content);
      const ref = kind ? this.parents.placement(item).parent : null;
      if (kind && ref && ref !== 'gone' && 'item' in ref) this.kinds.set(ref.item, kind);
    }
  }

  of(ref: TypeRef): ShapePlace | null {
    if ('root' in ref) return rootPlace(ref.root);
    return 'type' in ref ? this.ofDocType(ref.type) : this.ofUpdateItem(ref.item);
  }

  private ofDocType(start: Y.AbstractType<unknown>): ShapePlace | null {
    // Up to a root or a type already placed, then back down the types passed on the way.
    const chain: Y.AbstractType<unknown>[] = [];
    let type = start;
    let place: ShapePlace | null;
    for (;;) {
      if (this.ofType.has(type)) {
        place = this.ofType.get(type) ?? null;
        break;
      }
      const item: Y.Item | null = type._item;
      if (!item) {
        const name = this.parents.rootName(type);
        place = name === null ? null : rootPlace(name);
        this.ofType.set(type, place);
        break;
      }
      chain.push(type);
      if (!(item.parent instanceof Y.AbstractType)) {
        place = null;
        break;
      }
      type = item.parent as Y.AbstractType<unknown>;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const t = chain[i] as Y.AbstractType<unknown>;
      const item = t._item as Y.Item;
      place = place ? childPlace(place, item.parentSub, t, place.at === 'block' ? blockMapKind(item.parent as Y.AbstractType<unknown>) : null) : null;
      this.ofType.set(t, place);
    }
    return this.ofType.get(start) ?? null;
  }

  private ofUpdateItem(start: Y.Item): ShapePlace | null {
    // Up through the update's own types to one whose place is known, then back down.
    const chain: Y.Item[] = [];
    let item = start;
    let place: ShapePlace | null;
    for (;;) {
      if (this.ofItem.has(item)) {
        place = this.ofItem.get(item) ?? null;
        break;
      }
      chain.push(item);
      this.ofItem.set(item, null); // a cycle resolves to nowhere
      const { parent } = this.parents.placement(item);
      if (!parent || parent === 'gone') {
        place = null;
        break;
      }
      if (!('item' in parent)) {
        place = this.of(parent);
        break;
      }
      item = parent.item;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const it = chain[i] as Y.Item;
      const { parent, key } = this.parents.placement(it);
      place = place && parent && parent !== 'gone' && it.content instanceof Y.ContentType
        ? childPlace(place, key, it.content.type, place.at === 'block' ? this.kindOf(parent) : null)
        : null;
      this.ofItem.set(it, place);
    }
    return this.ofItem.get(start) ?? null;
  }

  private kindOf(ref: TypeRef): BlockKind | null {
    if ('type' in ref) return blockMapKind(ref.type);
    return 'item' in ref ? (this.kinds.get(ref.item) ?? null) : null;
  }
}

/**
 * Checks the structs of an update against the room's document before they may touch it: the
 * bill's shape (../shared/CONTRACT.md) must hold: the `order` holds block ids, `blocks` holds block
 * maps with their known keys, a block's languages hold only what its kind allows, elements are the
 * bill schema's and nest only as it allows, attributes are small plain values, `meta` holds
 * document state a few levels deep, and nothing is written to other roots (the legacy `en`/`es`
 * ones included); what it repeats of the document must be what the document has. An update may be added in pieces (those of scanUpdate, in order) and checked a
 * few items at a time; an item's parent may be in the document or anywhere in the update.
 */
export class UpdateChecker {
  private readonly parents: UpdateParents;
  private readonly places: Places;
  private readonly items: Y.Item[] = [];
  private checked = 0;

  constructor(private readonly doc: Y.Doc) {
    this.parents = new UpdateParents(doc);
    this.places = new Places(this.parents);
  }

  /** Decodes one piece of the update. */
  add(piece: Uint8Array): void {
    const decoded = decode(piece);
    this.parents.add(decoded.structs);
    for (const s of decoded.structs) if (s instanceof Y.Item) this.items.push(s);
  }

  /** Checks up to `count` more items, once every piece is added; true when all are checked. Throws UpdateRejected. */
  checkSome(count = Infinity): boolean {
    if (this.checked === 0) this.places.noteKinds(this.items);
    const end = Math.min(this.items.length, this.checked + count);
    for (; this.checked < end; this.checked++) {
      const item = this.items[this.checked] as Y.Item;
      if (!sameAsDocument(item, this.doc)) throw new UpdateRejected('an item the document has, but not as it has it (a corrupted copy?)');
      if (this.parents.known(item)) continue;
      const { parent, key } = this.parents.placement(item);
      if (parent === 'gone') continue;
      if (parent === null) throw new UpdateRejected('an item whose parent is unknown');
      const place = this.places.of(parent);
      if (!place) throw new UpdateRejected('root' in parent ? `unknown root type "${parent.root}"` : 'an item under an unknown type');
      const refusal = shapeRefusal(place, key, item.content);
      if (refusal) throw new UpdateRejected(refusal);
    }
    return this.checked >= this.items.length;
  }
}

/**
 * Scans (scanUpdate: limits, bounds, clocks and deletes against the document) and checks
 * (UpdateChecker: the bill's shape) a whole update at once. Throws UpdateRejected.
 */
export function checkUpdate(update: Uint8Array, doc: Y.Doc): void {
  scanUpdate(update, (client) => Y.getState(doc.store, client));
  const checker = new UpdateChecker(doc);
  checker.add(update);
  checker.checkSome();
}
