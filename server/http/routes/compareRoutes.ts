import type { Router } from '../Router';
import type { Services } from '../../services';
import { badRequest, invalidField } from '../../errors';
import { isLang, type Lang } from '@shared/bill/Lang';
import { compareDocuments } from '@shared/compare/compareDocuments';
import { resolveCrossRefs } from '@shared/bill/resolveCrossRefs';
import { resolveSuggestions } from '@shared/bill/suggestions';
import { resolveRef } from '../../documents/documentRefs';
import { comparableContent } from '../../documents/comparableContent';
import { stateMap, stateMapCsv } from '../../documents/stateMap';
import { readableDocument } from './documentRoutes';

function langParam(value: string | null): Lang {
  if (value === null) return 'en';
  if (!isLang(value)) throw invalidField('lang');
  return value;
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
    const result = compareDocuments(
      resolveCrossRefs(resolveSuggestions(comparableContent(services, l, r)[lang], suggestions), lang, l.doc.docType),
      resolveCrossRefs(resolveSuggestions(comparableContent(services, r, l)[lang], suggestions), lang, r.doc.docType),
    );
    return {
      status: 200,
      body: {
        left: { id: l.doc.id, versionId: l.versionId, title: l.doc.title, jurisdiction: l.doc.jurisdiction },
        right: { id: r.doc.id, versionId: r.versionId, title: r.doc.title, jurisdiction: r.doc.jurisdiction },
        lang,
        ...result,
      },
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
        'Content-Disposition': `attachment; filename="map-${model.id.slice(0, 8)}-${lang}.csv"`,
        'Cache-Control': 'no-store',
      });
      ctx.res.end(stateMapCsv(map, lang));
      return;
    }
    return { status: 200, body: map };
  });
}
