import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';
import { renderStaticBlock } from './renderStaticBlock';

/**
 * One language of a block drawn without an editor, kept up to date with the shared document. A
 * press on it mounts the editor and puts the cursor where the press was.
 */
export function StaticBlock({ store, blockId, lang, onActivate }: { store: BillStore; blockId: string; lang: Lang; onActivate: (at: { x: number; y: number } | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const revision = useSyncExternalStore((fn) => store.subscribeBlock(blockId, fn), () => store.revision(blockId));
  const numbering = useSyncExternalStore(store.subscribeNumbers, () => store.numberingKey(blockId, lang));
  useLayoutEffect(() => {
    const el = ref.current;
    const node = store.node(blockId, lang);
    if (!el || !node) return;
    el.replaceChildren(renderStaticBlock(node, blockId, lang, store.snapshot().numbers[lang]));
  }, [store, blockId, lang, revision, numbering]);
  return (
    <div className="block-cell-editor">
      <div
        ref={ref}
        className="bill-editor block-editor static-block"
        lang={lang}
        data-testid={`static-${lang}`}
        data-block={blockId}
        tabIndex={0}
        onMouseDown={(e) => {
          e.preventDefault();
          onActivate({ x: e.clientX, y: e.clientY });
        }}
        onFocus={() => onActivate(null)}
      />
    </div>
  );
}
