import { useEffect } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { useTranslation } from 'react-i18next';
import { billExtensions } from '@shared/schema/billExtensions';
import type { Lang } from '@shared/bill/Lang';
import type { NumberingStyle } from '@shared/bill/numbering';
import { BillNumbering } from './extensions/BillNumbering';
import { SectionIdGuard } from './extensions/SectionIdGuard';
import { BillCommands } from './extensions/BillCommands';
import { ParameterCommands } from './extensions/ParameterCommands';
import { SectionFlags } from './extensions/SectionFlags';
import { GlossaryHighlight } from './extensions/GlossaryHighlight';
import { CommentHighlights } from './extensions/CommentHighlights';
import { SuggestMode } from './extensions/SuggestMode';

/** Props of one language's editor. */
export interface BillEditorProps {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  lang: Lang;
  style: NumberingStyle;
  editable: boolean;
  user: { id: string; name: string; color: string };
  onReady: (lang: Lang, editor: Editor | null) => void;
}

/** A TipTap editor bound to the `en` or `es` fragment of the shared document. */
export function BillEditor({ ydoc, provider, lang, style, editable, user, onReady }: BillEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        ...billExtensions,
        Collaboration.configure({ document: ydoc, field: lang }),
        CollaborationCaret.configure({ provider, user }),
        BillNumbering.configure({ lang, style }),
        SectionIdGuard,
        BillCommands,
        ParameterCommands,
        SectionFlags,
        GlossaryHighlight.configure({ lang }),
        CommentHighlights,
        SuggestMode.configure({ user: { id: user.id, name: user.name } }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'bill-editor',
          lang,
          spellcheck: 'true',
          'aria-label': t('editor.ariaLabel', { language: t(`languages.${lang}`) }),
          'data-testid': `editor-${lang}`,
        },
      },
    },
    [ydoc, provider, lang, style],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onReady(lang, editor);
    return () => onReady(lang, null);
  }, [editor, lang, onReady]);

  return <EditorContent editor={editor} className={`editor-pane editor-${lang}`} />;
}
