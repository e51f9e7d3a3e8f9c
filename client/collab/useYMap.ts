import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { META_MAP } from '@shared/bill/yBill';

/** A snapshot of the document's `meta` map (and its nested `params` map), re-read on every change. */
export function useMeta(ydoc: Y.Doc): { meta: Record<string, unknown>; params: Record<string, { en: string; es: string } | null> } {
  const [state, setState] = useState({ meta: {}, params: {} } as ReturnType<typeof useMeta>);
  useEffect(() => {
    const meta = ydoc.getMap(META_MAP);
    const read = () => {
      const params = meta.get('params');
      setState({
        meta: meta.toJSON() as Record<string, unknown>,
        params: params instanceof Y.Map ? (params.toJSON() as Record<string, { en: string; es: string } | null>) : {},
      });
    };
    read();
    meta.observeDeep(read);
    return () => meta.unobserveDeep(read);
  }, [ydoc]);
  return state;
}

/** Sets a parameter's value in `meta.params` (creating the map if an older document lacks it). */
export function setParamValue(ydoc: Y.Doc, key: string, value: { en: string; es: string } | null): void {
  const meta = ydoc.getMap(META_MAP);
  ydoc.transact(() => {
    let params = meta.get('params');
    if (!(params instanceof Y.Map)) {
      params = new Y.Map();
      meta.set('params', params);
    }
    (params as Y.Map<unknown>).set(key, value);
  });
}
