import * as Y from 'yjs';
import { billSchema } from '@shared/schema/billSchema';
import { META_MAP } from '@shared/bill/yBill';

/** The only top-level shared types a bill has. */
const ROOTS = new Set(['en', 'es', META_MAP]);
/** Clocks and lengths beyond this cannot come from honest editing and make Yjs allocate or loop. */
const MAX_CLOCK = 2 ** 40;
const MAX_STRUCTS = 200_000;

/** Why an update was refused. */
export class UpdateRejected extends Error {}

/**
 * Decodes a Yjs update fully and checks it before it may touch the shared document: it must parse,
 * write only to the `en`, `es` and `meta` roots, create only elements the bill schema knows, and
 * carry sane clocks and lengths. Throws UpdateRejected otherwise.
 */
export function checkUpdate(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new UpdateRejected(`undecodable update: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (decoded.structs.length > MAX_STRUCTS) throw new UpdateRejected('too many structs');
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > MAX_CLOCK || struct.length < 0) throw new UpdateRejected('implausible clock or length');
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && !ROOTS.has(struct.parent)) throw new UpdateRejected(`unknown root type "${struct.parent}"`);
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement && !billSchema.nodes[type.nodeName]) throw new UpdateRejected(`unknown element "${type.nodeName}"`);
      if (type instanceof Y.XmlHook) throw new UpdateRejected('xml hooks are not used');
    }
    // Directly under a language's fragment only block elements may stand (no loose text).
    const parent: unknown = struct.parent;
    if ((parent === 'en' || parent === 'es') && struct.parentSub === null && !(content instanceof Y.ContentDeleted)) {
      const element = content instanceof Y.ContentType ? content.type : null;
      if (!(element instanceof Y.XmlElement) || !billSchema.nodes[element.nodeName]?.isBlock) throw new UpdateRejected('only block elements may stand at the top of a document');
    }
  }
  for (const [, deletes] of decoded.ds.clients) {
    for (const d of deletes) if (d.clock + d.len > MAX_CLOCK || d.len < 0) throw new UpdateRejected('implausible delete range');
  }
}
