import * as Y from 'yjs';
import type { Services } from '../services';
import type { User } from '../storage/UserStore';
import type { DocumentMeta } from '../storage/DocumentStore';
import { badRequest, forbidden, notFound } from '../errors';
import { canCreate, canRead } from '../auth/permissions';
import { templateToContent } from '@shared/bill/templateToContent';
import { fillParameters, parameterKeys, type ParameterValues } from '@shared/bill/fillParameters';
import { readBlockRecords, type BlockRecord } from '@shared/layout';
import { createDocument } from './createDocument';
import { withDocState } from './documentContent';
import { jurisdictionValues } from './jurisdictionValues';

/** A new model act from a template: both languages, every form, parameters unfilled. */
export function createModelFromTemplate(services: Services, user: User, templateId: string): DocumentMeta {
  const template = services.library.templates.get(templateId);
  if (!template) throw notFound('template_not_found', 'templateNotFound', { id: templateId });
  if (!canCreate(user, null)) throw forbidden();
  return createDocument(services, user, {
    kind: 'model',
    docType: template.kind,
    templateId,
    title: template.title,
    jurisdiction: null,
    modelId: null,
    modelVersion: null,
    content: templateToContent(template),
    params: Object.fromEntries(template.parameters.map((p) => [p.key, null])),
  });
}

/** A block with its parameters filled in both languages. */
function fillBlock(record: BlockRecord, values: ParameterValues): BlockRecord {
  const filled = fillParameters({ en: { type: 'doc', content: record.content.en }, es: { type: 'doc', content: record.content.es } }, values);
  return { ...record, content: { en: filled.en.content ?? [], es: filled.es.content ?? [] } };
}

/**
 * A jurisdiction's variant of a model act: the model's current blocks (same ids, kinds and forms),
 * keeping those of the jurisdiction's legislative form, with parameters filled from jurisdiction
 * data. The model's state at that moment is kept as a named version of the model, and the variant
 * records its id.
 */
export function createVariant(services: Services, user: User, modelId: string, code: string, counterpartCode?: string): DocumentMeta {
  const model = services.documents.get(modelId);
  if (!model) throw notFound('document_not_found', 'documentNotFound', { id: modelId });
  if (!canRead(user, model)) throw forbidden();
  if (model.kind !== 'model') throw badRequest('not_a_model', 'notAModel');
  const jurisdiction = services.library.jurisdictions.get(code);
  if (!jurisdiction) throw notFound('jurisdiction_not_found', 'jurisdictionNotFound', { code });
  const counterpart = counterpartCode ? services.library.jurisdictions.get(counterpartCode) : undefined;
  if (counterpartCode && !counterpart) throw notFound('jurisdiction_not_found', 'jurisdictionNotFound', { code: counterpartCode });
  if (!canCreate(user, code)) throw forbidden();

  const { records, state } = withDocState(services, model.id, (ydoc) => ({ records: readBlockRecords(ydoc), state: Y.encodeStateAsUpdate(ydoc) }));
  const template = model.templateId ? services.library.templates.get(model.templateId) : undefined;
  const form = jurisdiction.country === 'US' ? 'us' : 'mx';
  const formed = records.filter((r) => r.form === 'any' || r.form === form);
  const keys = parameterKeys({ type: 'doc', content: formed.flatMap((r) => [...r.content.en, ...r.content.es]) });
  const values = jurisdictionValues(template, keys, jurisdiction, counterpart);
  return services.db.transaction(() => {
    const basis = services.versions.create(model.id, `Basis of ${code} variant`, state, user.id);
    return createDocument(services, user, {
      kind: 'variant',
      docType: model.docType,
      templateId: model.templateId,
      title: { en: `${model.title.en} (${jurisdiction.name.en})`, es: `${model.title.es} (${jurisdiction.name.es})` },
      jurisdiction: code,
      modelId: model.id,
      modelVersion: basis.id,
      content: formed.map((r) => fillBlock(r, values)),
      params: values,
      meta: { authoritativeLanguage: jurisdiction.authoritativeLanguage, counterpart: counterpart?.code ?? null },
    });
  })();
}
