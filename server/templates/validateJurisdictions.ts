import type { Jurisdiction, ParameterValue } from '@shared/bill/templateFormat';
import { TemplateError } from './validateTemplate';

/** Parameters every jurisdiction entry carries (null where not known to be true). */
export const JURISDICTION_PARAMETERS = [
  'stateName', 'stateFormalName', 'legislatureName', 'enactingClause', 'trialCourt',
  'attorneyGeneralTitle', 'attorneyGeneralOffice', 'currency', 'codePlacement',
] as const;

/** Checks templates/jurisdictions.json. */
export function validateJurisdictions(raw: unknown): Jurisdiction[] {
  if (!Array.isArray(raw)) throw new TemplateError('must be an array of jurisdictions');
  const seen = new Set<string>();
  return raw.map((j: unknown, i) => {
    const at = `[${i}]`;
    if (typeof j !== 'object' || j === null) throw new TemplateError(`${at}: must be an object`);
    const o = j as Record<string, unknown>;
    if (typeof o.code !== 'string' || !/^(US|MX)-[A-Z]{2,3}$/.test(o.code)) throw new TemplateError(`${at}: code must be an ISO 3166-2 code of the US or Mexico`);
    if (seen.has(o.code)) throw new TemplateError(`${o.code}: listed twice`);
    seen.add(o.code);
    const country = o.code.slice(0, 2);
    if (o.country !== country) throw new TemplateError(`${o.code}: country must be ${country}`);
    if (o.authoritativeLanguage !== 'en' && o.authoritativeLanguage !== 'es') throw new TemplateError(`${o.code}: authoritativeLanguage must be "en" or "es"`);
    const name = o.name as Record<string, unknown> | undefined;
    if (typeof name?.en !== 'string' || typeof name.es !== 'string') throw new TemplateError(`${o.code}: name needs en and es`);
    const params = (o.parameters ?? {}) as Record<string, unknown>;
    const parameters: Record<string, ParameterValue> = {};
    for (const key of JURISDICTION_PARAMETERS) {
      const v = params[key];
      if (v === null || v === undefined) {
        parameters[key] = null;
        continue;
      }
      const b = v as Record<string, unknown>;
      if (typeof b.en !== 'string' || typeof b.es !== 'string' || !b.en.trim() || !b.es.trim()) {
        throw new TemplateError(`${o.code}: parameter ${key} must be null or have non-empty en and es`);
      }
      parameters[key] = { en: b.en, es: b.es };
    }
    for (const key of Object.keys(params)) {
      if (!(JURISDICTION_PARAMETERS as readonly string[]).includes(key)) throw new TemplateError(`${o.code}: unknown parameter ${key}`);
    }
    return { code: o.code, name: { en: name.en, es: name.es }, country: country as 'US' | 'MX', authoritativeLanguage: o.authoritativeLanguage, parameters };
  });
}
