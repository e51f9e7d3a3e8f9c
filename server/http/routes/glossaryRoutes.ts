import type { Router } from '../Router';
import type { Services } from '../../services';
import { badRequest, forbidden, notFound } from '../../errors';
import { validateGlossaryEntry } from '../../templates/validateGlossary';
import { TemplateError } from '../../templates/validateTemplate';

/** The shared glossary: everyone reads it; administrators add, edit and remove pairs. */
export function glossaryRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/glossary', (ctx) => {
    ctx.user();
    return { status: 200, body: services.glossary.list() };
  });

  const write = async (ctx: Parameters<Parameters<Router['add']>[2]>[0], id: string | null) => {
    const user = ctx.user();
    if (user.role !== 'admin') throw forbidden();
    const body = await ctx.json();
    let entry;
    try {
      entry = validateGlossaryEntry(id ? { ...body, id } : body);
    } catch (err) {
      throw badRequest('invalid_glossary_entry', 'invalidGlossaryEntry', { problem: err instanceof TemplateError ? err.message : String(err) });
    }
    if (id && !services.glossary.get(id)) throw notFound();
    if (!id && services.glossary.get(entry.id)) throw badRequest('glossary_entry_exists', 'glossaryEntryExists', { id: entry.id });
    services.glossary.upsert(entry, user.id);
    services.audit.record(id ? 'glossary.update' : 'glossary.create', user.id, null, { id: entry.id });
    return { status: id ? 200 : 201, body: entry };
  };
  router.add('POST', '/api/glossary', (ctx) => write(ctx, null));
  router.add('PUT', '/api/glossary/:id', (ctx) => write(ctx, ctx.params.id ?? ''));
  router.add('DELETE', '/api/glossary/:id', (ctx) => {
    const user = ctx.user();
    if (user.role !== 'admin') throw forbidden();
    if (!services.glossary.delete(ctx.params.id ?? '')) throw notFound();
    services.audit.record('glossary.delete', user.id, null, { id: ctx.params.id });
    return { status: 200, body: { ok: true } };
  });
}
