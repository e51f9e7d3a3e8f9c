import * as Y from 'yjs';
import { blockMapKind, childPlace, kindSetBy, rootPlace, shapeRefusal, type ShapePlace } from '@shared/layout';
import type { BlockKind } from '@shared/schema/blockSchemas';
import { UpdateParents, type ParentRef } from './UpdateParents';

/** Clocks and lengths beyond this cannot come from honest editing and make Yjs allocate or loop. */
const MAX_CLOCK = 2 ** 40;
const MAX_STRUCTS = 200_000;

/** Why an update was refused. */
export class UpdateRejected extends Error {}

function decode(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new UpdateRejected(`undecodable update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Places of the types an update writes into, from the document's types and the update's own. */
class Places {
  private readonly ofType = new Map<Y.AbstractType<unknown>, ShapePlace | null>();
  private readonly ofItem = new Map<Y.Item, ShapePlace | null>();
  /** Kinds set by the update on the block maps it creates. */
  private readonly kinds = new Map<Y.Item, BlockKind>();

  constructor(private readonly parents: UpdateParents, items: readonly Y.Item[]) {
    for (const item of items) {
      const kind = kindSetBy(item.parentSub, item.content);
      const ref = kind ? parents.placement(item).parent : null;
      if (kind && ref && ref !== 'gone' && 'item' in ref) this.kinds.set(ref.item, kind);
    }
  }

  of(ref: Exclude<ParentRef, 'gone' | null>): ShapePlace | null {
    if ('root' in ref) return rootPlace(ref.root);
    return 'type' in ref ? this.ofDocType(ref.type) : this.ofUpdateItem(ref.item);
  }

  private ofDocType(type: Y.AbstractType<unknown>): ShapePlace | null {
    if (this.ofType.has(type)) return this.ofType.get(type) ?? null;
    const item = type._item;
    let place: ShapePlace | null;
    if (!item) {
      const name = this.parents.rootName(type);
      place = name === null ? null : rootPlace(name);
    } else {
      const parent = item.parent instanceof Y.AbstractType ? (item.parent as Y.AbstractType<unknown>) : null;
      const above = parent ? this.ofDocType(parent) : null;
      place = above && parent ? childPlace(above, item.parentSub, type, above.at === 'block' ? blockMapKind(parent) : null) : null;
    }
    this.ofType.set(type, place);
    return place;
  }

  private ofUpdateItem(item: Y.Item): ShapePlace | null {
    if (this.ofItem.has(item)) return this.ofItem.get(item) ?? null;
    this.ofItem.set(item, null); // cycles resolve to nowhere
    const { parent, key } = this.parents.placement(item);
    let place: ShapePlace | null = null;
    if (parent && parent !== 'gone' && item.content instanceof Y.ContentType) {
      const above = this.of(parent);
      if (above) place = childPlace(above, key, item.content.type, above.at === 'block' ? this.kindOf(parent) : null);
    }
    this.ofItem.set(item, place);
    return place;
  }

  private kindOf(ref: Exclude<ParentRef, 'gone' | null>): BlockKind | null {
    if ('type' in ref) return blockMapKind(ref.type);
    return 'item' in ref ? (this.kinds.get(ref.item) ?? null) : null;
  }
}

/**
 * Decodes a Yjs update fully and checks it against the room's document before it may touch it: it
 * must parse, carry sane clocks and lengths, and keep the bill's shape (../shared/CONTRACT.md): the
 * `order` holds block ids, `blocks` holds block maps with their known keys, a block's languages hold
 * only what its kind allows, elements are the bill schema's, `meta` holds document state, and
 * nothing is written to other roots (the legacy `en`/`es` ones included). An item's parent may be in
 * the update or in `doc`. Throws UpdateRejected otherwise.
 */
export function checkUpdate(update: Uint8Array, doc: Y.Doc): void {
  const decoded = decode(update);
  if (decoded.structs.length > MAX_STRUCTS) throw new UpdateRejected('too many structs');
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > MAX_CLOCK || struct.length < 0) throw new UpdateRejected('implausible clock or length');
  }
  for (const [, deletes] of decoded.ds.clients) {
    for (const d of deletes) if (d.clock + d.len > MAX_CLOCK || d.len < 0) throw new UpdateRejected('implausible delete range');
  }
  const parents = new UpdateParents(decoded.structs, doc);
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item && !parents.known(s));
  const places = new Places(parents, items);
  for (const item of items) {
    const { parent, key } = parents.placement(item);
    if (parent === 'gone') continue;
    if (parent === null) throw new UpdateRejected('an item whose parent is unknown');
    const place = places.of(parent);
    if (!place) throw new UpdateRejected('root' in parent ? `unknown root type "${parent.root}"` : 'an item under an unknown type');
    const refusal = shapeRefusal(place, key, item.content);
    if (refusal) throw new UpdateRejected(refusal);
  }
}
