import type * as Y from 'yjs';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { blockSchema, isSectionKind, type BlockKind } from '../schema/blockSchemas';
import type { PMJSON } from '../bill/yBill';
import { readShallowChildren } from './shallowXml';

function tryNode(schema: Schema, json: PMJSON): PMNode | null {
  try {
    const node = schema.nodeFromJSON(json);
    node.check();
    return node;
  } catch {
    return null;
  }
}

/** The children of a section, repaired: one heading first, every other text block as a provision. */
function repairSection(schema: Schema, children: PMNode[]): PMNode {
  const heading = children.find((c) => c.type.name === 'sectionHeading') ?? schema.nodes.sectionHeading!.create();
  const provisions = children
    .filter((c) => c !== heading && c.isTextblock)
    .map((c) => (c.type.name === 'provision' ? c : schema.nodes.provision!.create({ level: 0 }, c.content)));
  return schema.topNodeType.create(null, [heading, ...(provisions.length ? provisions : [schema.nodes.provision!.create({ level: 0 })])]);
}

/**
 * Reads one language of a block as a node of its kind's schema. Reading never changes the shared
 * document and never fails: content the schema does not allow (which concurrent edits can leave) is
 * repaired or left out, as an editor would; elements nested deeper than the schema allows are left
 * out without being read.
 */
export function readBlockFragment(fragment: Y.XmlFragment | null, kind: BlockKind): PMNode {
  const schema = blockSchema(kind);
  const json: PMJSON = { type: 'doc', content: fragment ? readShallowChildren(fragment, schema).content : [] };
  const whole = tryNode(schema, { type: 'doc', content: json.content ?? [] });
  if (whole) return whole;
  const children = (json.content ?? []).map((c) => tryNode(schema, c)).filter((n): n is PMNode => n !== null);
  if (isSectionKind(kind)) return repairSection(schema, children);
  const allowed = children.filter((c) => schema.topNodeType.contentMatch.matchType(c.type) !== null);
  try {
    const filled = schema.topNodeType.createAndFill(null, allowed);
    if (filled) return filled;
  } catch {
    // fall through to an empty block
  }
  return schema.topNodeType.createAndFill() as PMNode;
}

/** Empty content of one language of a block of `kind` (a section: an empty heading and provision). */
export function emptyBlockContent(kind: BlockKind): PMJSON[] {
  return ((blockSchema(kind).topNodeType.createAndFill() as PMNode).toJSON() as PMJSON).content ?? [];
}
