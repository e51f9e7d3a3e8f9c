import type { Router } from '../Router';
import type { Services } from '../../services';
import { invalidField } from '../../errors';
import { resolveRef } from '../../documents/documentRefs';
import { comparableContent } from '../../documents/comparableContent';
import { documentContent } from '../../documents/documentContent';
import { buildPrintModel } from '../../export/buildPrintModel';
import { readableDocument } from './documentRoutes';
import type { Lang } from '@shared/bill/Lang';
import type { BilingualContent } from '@shared/bill/yBill';
import { resolveSuggestions } from '@shared/bill/suggestions';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** A file name from a title: ASCII letters, digits and dashes. */
function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'bill';
}

/** The text with pending suggestions left out ('original'), applied ('accepted') or shown marked ('show'). */
function withSuggestions(content: BilingualContent, mode: 'original' | 'accepted' | 'show'): BilingualContent {
  return mode === 'show' ? content : { en: resolveSuggestions(content.en, mode), es: resolveSuggestions(content.es, mode) };
}

/** GET /api/documents/:id/export?format=docx|pdf&lang=en|es|both[&against=<ref>] (../shared/CONTRACT.md). */
export function exportRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/documents/:id/export', async (ctx) => {
    const user = ctx.user();
    const doc = readableDocument(services, user, ctx.params.id ?? '');
    const format = ctx.url.searchParams.get('format');
    if (format !== 'docx' && format !== 'pdf') throw invalidField('format');
    const langParam = ctx.url.searchParams.get('lang') ?? 'both';
    if (langParam !== 'en' && langParam !== 'es' && langParam !== 'both') throw invalidField('lang');
    const suggestions = ctx.url.searchParams.get('suggestions') ?? 'original';
    if (suggestions !== 'original' && suggestions !== 'accepted' && suggestions !== 'show') throw invalidField('suggestions');
    const againstRef = ctx.url.searchParams.get('against');
    const against = againstRef ? resolveRef(services, user, againstRef) : null;
    const jurisdiction = doc.jurisdiction ? (services.library.jurisdictions.get(doc.jurisdiction) ?? null) : null;
    const langs: Lang[] = langParam === 'both' ? (jurisdiction?.authoritativeLanguage === 'es' ? ['es', 'en'] : ['en', 'es']) : [langParam];
    const model = buildPrintModel({
      title: doc.title,
      docType: doc.docType,
      kind: doc.kind,
      content: withSuggestions(documentContent(services, doc.id), suggestions),
      against: against ? comparableContent(services, against, { doc, versionId: null, content: { en: { type: 'doc' }, es: { type: 'doc' } } }) : undefined,
      langs,
      uiLang: ctx.lang,
      jurisdiction,
      versionDate: new Date(doc.updatedAt),
      t: services.i18n.t.bind(services.i18n),
    });
    const file = await services.exports.render(format, model);
    services.audit.record('document.export', user.id, doc.id, { format, lang: langParam, against: againstRef });
    const name = `${slug(doc.title.en)}${doc.jurisdiction ? `-${doc.jurisdiction}` : ''}-${langParam}${against ? '-redline' : ''}.${format}`;
    ctx.res.writeHead(200, {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Length': String(file.length),
      'Cache-Control': 'no-store',
      'X-Puente-Unfilled': String(model.unfilled),
    });
    ctx.res.end(file);
  });
}
