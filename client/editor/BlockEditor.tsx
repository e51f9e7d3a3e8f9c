import { useEffect, useRef } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { WebsocketProvider } from 'y-websocket';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useTranslation } from 'react-i18next';
import { blockExtensions, type BlockKind } from '@shared/schema/blockSchemas';
import { blockFragment } from '@shared/layout';
import type { Lang } from '@shared/bill/Lang';
import type { BillStore } from '../bill/BillStore';
import type { SectionActions } from '../bill/SectionActions';
import { BlockSync } from './extensions/BlockSync';
import { BlockNumbering } from './extensions/BlockNumbering';
import { BlockKeys } from './extensions/BlockKeys';
import { BlockPaste } from './extensions/BlockPaste';
import { ParameterCommands } from './extensions/ParameterCommands';
import { GlossaryHighlight } from './extensions/GlossaryHighlight';
import { CommentHighlights } from './extensions/CommentHighlights';
import { SuggestMode } from './extensions/SuggestMode';
import { FindHighlight } from './extensions/FindHighlight';

/** Props of the editor of one language of one block. */
export interface BlockEditorProps {
  store: BillStore;
  provider: WebsocketProvider;
  blockId: string;
  kind: BlockKind;
  lang: Lang;
  editable: boolean;
  user: { id: string; name: string };
  actions: SectionActions;
  /** Called on each local edit with the block's content before it. */
  onLocalEdit: (blockId: string, lang: Lang, tr: Transaction) => void;
}

/** A small TipTap editor bound to one language of one block of the shared document. */
export function BlockEditor({ store, provider, blockId, kind, lang, editable, user, actions, onLocalEdit }: BlockEditorProps) {
  const { t } = useTranslation();
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const editor = useEditor(
    {
      extensions: [
        ...blockExtensions(kind),
        BlockSync.configure({ fragment: blockFragment(store.ydoc, blockId, lang), awareness: provider.awareness }),
        BlockNumbering.configure({ blockId, lang, numbers: store.snapshot().numbers[lang] }),
        BlockKeys.configure({
          blockId, lang, store,
          actions: { insert: () => actionsRef.current.insert(), move: (d) => actionsRef.current.move(d), remove: () => actionsRef.current.remove() },
        }),
        BlockPaste.configure({ blockId, kind, lang, store }),
        ParameterCommands,
        GlossaryHighlight.configure({ lang }),
        CommentHighlights,
        SuggestMode.configure({ user }),
        FindHighlight,
      ],
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'bill-editor block-editor',
          lang,
          spellcheck: 'true',
          'aria-label': t('editor.blockAriaLabel', { language: t(`languageNames.${lang}`), block: store.describe(blockId, lang) || t(`blocks.${kind}`) }),
          'data-testid': `editor-${lang}`,
          'data-block': blockId,
        },
      },
    },
    [store, provider, blockId, kind, lang],
  );

  useEffect(() => {
    if (!editor) return;
    store.setEditor(blockId, lang, editor);
    store.applySettings(editor, lang);
    const onFocus = () => store.setFocused({ id: blockId, lang });
    // A reader's editor never takes focus, but a passage selected in it is where a comment goes.
    const onSelection = () => {
      if (!editor.state.selection.empty) store.setFocused({ id: blockId, lang });
    };
    editor.on('selectionUpdate', onSelection);
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged && !transaction.getMeta(ySyncPluginKey)) onLocalEdit(blockId, lang, transaction);
    };
    editor.on('focus', onFocus);
    editor.on('transaction', onTransaction);
    const unsubscribe = store.subscribeNumbers(() => store.applyNumbers(editor, lang));
    return () => {
      unsubscribe();
      editor.off('focus', onFocus);
      editor.off('selectionUpdate', onSelection);
      editor.off('transaction', onTransaction);
      if (store.editor(blockId, lang) === editor) store.setEditor(blockId, lang, null);
    };
  }, [editor, store, blockId, lang, onLocalEdit]);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return <EditorContent editor={editor} className="block-cell-editor" />;
}
