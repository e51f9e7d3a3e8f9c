import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import { formatDateTime } from '../app/format';
import type { DocumentSummary } from '../app/types';
import { billExtensions } from '@shared/schema/billExtensions';
import type { BilingualContent, PMJSON } from '@shared/bill/yBill';
import { LANGS, isLang, type Lang } from '@shared/bill/Lang';
import { BillNumbering } from '../editor/extensions/BillNumbering';

function ReadOnlyBill({ content, lang, style }: { content: PMJSON; lang: Lang; style: 'act' | 'mou' }) {
  const editor = useEditor({ extensions: [...billExtensions, BillNumbering.configure({ lang, style })], content, editable: false, editorProps: { attributes: { class: 'bill-editor', lang, 'data-testid': `version-${lang}` } } }, [content, lang, style]);
  return <EditorContent editor={editor} className="editor-pane" />;
}

interface Version { id: string; name: string; kind: 'named' | 'automatic' | 'beforeRestore'; createdAt: string; createdByName: string; editors: { name: string }[] }

/** What the banner says of a version: its name and who saved it, or for an automatic one, whose edits it holds. */
function describe(version: Version | null, t: TFunction): string {
  const when = version ? formatDateTime(version.createdAt) : '';
  if (version?.kind === 'automatic') {
    const who = version.editors.map((p) => p.name).join(', ');
    return who ? t('versions.viewingAutomatic', { when, who }) : t('versions.viewingAutomaticNoEdits', { when });
  }
  return t('versions.viewing', { name: version?.name ?? '', when, who: version?.createdByName ?? '' });
}

/** A saved version, read-only, both languages side by side. */
export function VersionPage({ docId, versionId }: { docId: string; versionId: string }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [version, setVersion] = useState<Version | null>(null);
  const [content, setContent] = useState<BilingualContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const fail = (err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal'));
    api<DocumentSummary>(`/api/documents/${docId}`).then(setDoc).catch(fail);
    api<Version[]>(`/api/documents/${docId}/versions?include=automatic`).then((vs) => setVersion(vs.find((v) => v.id === versionId) ?? null)).catch(fail);
    api<BilingualContent>(`/api/documents/${docId}/versions/${versionId}/content`).then(setContent).catch(fail);
  }, [docId, versionId, t]);
  if (error) return <main className="page"><p className="error" role="alert">{error}</p></main>;
  if (!doc || !content) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;
  return (
    <main className="document-page">
      <div className="doc-head">
        <div>
          <h1 className="doc-title">{doc.title[ui]}</h1>
          <div className="doc-sub" data-testid="version-banner">
            {describe(version, t)}
            <span className="badge">{t('editor.readOnly')}</span>
          </div>
        </div>
        <div className="doc-head-right">
          <button type="button" onClick={() => navigate(`/documents/${docId}`)}>{t('versions.backToCurrent')}</button>
          <button type="button" onClick={() => navigate(`/compare?left=${docId}@${versionId}&right=${docId}`)}>{t('versions.compare')}</button>
        </div>
      </div>
      <div className="bilingual">
        {LANGS.map((lang) => (
          <section key={lang} className="lang-column" aria-label={t(`languages.${lang}`)}>
            <h2 className="lang-label">{t(`languages.${lang}`)}</h2>
            <ReadOnlyBill content={content[lang]} lang={lang} style={doc.docType} />
          </section>
        ))}
      </div>
    </main>
  );
}
