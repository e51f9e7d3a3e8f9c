import type { Router } from '../Router';
import type { Services } from '../../services';

/** Templates and jurisdiction data (../shared/CONTRACT.md). */
export function libraryRoutes(router: Router, services: Services): void {
  router.add('GET', '/api/templates', (ctx) => {
    ctx.user();
    return {
      status: 200,
      body: [...services.library.templates.values()].map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.title,
        parameters: t.parameters,
        sections: t.sections.length,
      })),
    };
  });
  router.add('GET', '/api/jurisdictions', (ctx) => {
    ctx.user();
    return { status: 200, body: [...services.library.jurisdictions.values()] };
  });
}
