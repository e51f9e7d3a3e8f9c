import type { Router } from '../Router';
import type { Services } from '../../services';
import { badRequest, invalidField } from '../../errors';
import { isLang, type Lang } from '@shared/bill/Lang';
import { compareDocuments } from '@shared/compare/compareDocuments';
import { labelComparison } from '@shared/compare/labelComparison';
import { labelCrossRefs } from '@shared/compare/labelCrossRefs';
import { resolveSuggestions } from '@shared/bill/suggestions';
import { resolveRef, type ResolvedRef } from '../../documents/documentRefs';
import { comparableContent } from '../../documents/comparableContent';
import { stateMap, stateMapCsv, stateMapFileName } from '../../documents/stateMap';
import { readableDocument } from './documentRoutes';

function langParam(value: string | null): Lang {
  if (value === null) return 'en';
  if (!isLang(value)) throw invalidField('lang');
  return value;
}

/** One side of a comparison as the page names it: the document, and the version's name when it is one. */
function sideOf(services: Services, ref: ResolvedRef) {
  const version = ref.versionId ? services.versions.list(ref.doc.id).find((v) => v.id === ref.versionId) : undefined;
  return {
    id: ref.doc.id,
    versionId: ref.versionId,
    versionName: version?.name ?? null,
    versionCreatedAt: version?.createdAt ?? null,
    title: ref.doc.title,
    jurisdiction: ref.doc.jurisdiction,
    kind: ref.doc.kind,
    docType: ref.doc.docType,
  };
}

/** Redlines between any two readable documents or versions, and the states × sections map. */
export function compareRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/compare', (ctx) => {
    const user = ctx.user();
    const left = ctx.url.searchParams.get('left');
    const right = ctx.url.searchParams.get('right');
    if (!left) throw invalidField('left');
    if (!right) throw invalidField('right');
    const lang = langParam(ctx.url.searchParams.get('lang'));
    const suggestions = ctx.url.searchParams.get('suggestions') ?? 'original';
    if (suggestions !== 'original' && suggestions !== 'accepted') throw invalidField('suggestions');
    const l = resolveRef(services, user, left);
    const r = resolveRef(services, user, right);
    // Pending suggestions are compared as if rejected (the text as it stands), or as if accepted.
    const leftDoc = labelCrossRefs(resolveSuggestions(comparableContent(services, l, r)[lang], suggestions), lang, l.doc.docType);
    const rightDoc = labelCrossRefs(resolveSuggestions(comparableContent(services, r, l)[lang], suggestions), lang, r.doc.docType);
    // Sections and provisions carry the numbers each side prints, in the comparison's language.
    const result = labelComparison(compareDocuments(leftDoc, rightDoc), { doc: leftDoc, style: l.doc.docType }, { doc: rightDoc, style: r.doc.docType }, lang);
    return {
      status: 200,
      body: { left: sideOf(services, l), right: sideOf(services, r), lang, ...result },
    };
  });

  router.add('GET', '/api/documents/:id/map', (ctx) => {
    const user = ctx.user();
    const model = readableDocument(services, user, ctx.params.id ?? '');
    if (model.kind !== 'model') throw badRequest('not_a_model', 'notAModel');
    const lang = langParam(ctx.url.searchParams.get('lang'));
    const country = ctx.url.searchParams.get('country');
    if (country !== null && country !== 'US' && country !== 'MX') throw invalidField('country');
    const map = stateMap(services, user, model, lang, country);
    if (ctx.url.searchParams.get('format') === 'csv') {
      ctx.res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${stateMapFileName(model.title[lang], lang)}"`,
        'Cache-Control': 'no-store',
      });
      ctx.res.end(stateMapCsv(map, (key) => services.i18n.t(key, { lng: lang })));
      return;
    }
    return { status: 200, body: map };
  });
}
