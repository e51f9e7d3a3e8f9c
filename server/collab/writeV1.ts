import * as encoding from 'lib0/encoding';

/**
 * An update (v1) holding only deletes: per client, flat pairs of clock and length. Yjs applies
 * one in time proportional to its ranges, so large delete sets are sent and applied in pieces.
 */
export function deleteSetUpdate(ranges: Map<number, number[]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, ranges.size);
  for (const [client, pairs] of ranges) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, pairs.length / 2);
    for (const n of pairs) encoding.writeVarUint(e, n);
  }
  return encoding.toUint8Array(e);
}
