import type { Template, TemplateBlock, TemplateParameter, TemplateSection } from '@shared/bill/templateFormat';
import { inlineTokens } from '@shared/bill/parseInline';
import { SECTION_ID_PATTERN } from '@shared/bill/sectionIds';
import { MAX_PROVISION_LEVEL } from '@shared/schema/Provision';

/** A template that does not match templates/FORMAT.md; the message names the file and the problem. */
export class TemplateError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function bilingual(v: unknown, where: string, allowEmpty = false): { en: string; es: string } {
  if (!isObj(v) || typeof v.en !== 'string' || typeof v.es !== 'string') throw new TemplateError(`${where}: needs "en" and "es" strings`);
  if (!allowEmpty && (!v.en.trim() || !v.es.trim())) throw new TemplateError(`${where}: "en" and "es" must not be empty`);
  return { en: v.en, es: v.es };
}

function form(v: unknown, where: string): 'any' | 'us' | 'mx' {
  if (v === undefined) return 'any';
  if (v === 'any' || v === 'us' || v === 'mx') return v;
  throw new TemplateError(`${where}: form must be "any", "us" or "mx", not ${JSON.stringify(v)}`);
}

const BLOCK_TYPES = ['billTitle', 'enactingClause', 'heading', 'paragraph', 'signatureBlock'];

function blocks(v: unknown, where: string): TemplateBlock[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new TemplateError(`${where}: must be an array`);
  return v.map((b, i) => {
    const at = `${where}[${i}]`;
    if (!isObj(b) || typeof b.type !== 'string' || !BLOCK_TYPES.includes(b.type)) throw new TemplateError(`${at}: type must be one of ${BLOCK_TYPES.join(', ')}`);
    return { type: b.type as TemplateBlock['type'], form: form(b.form, at), text: bilingual(b.text, `${at}.text`) };
  });
}

function sections(v: unknown): TemplateSection[] {
  if (!Array.isArray(v) || v.length === 0) throw new TemplateError('sections: must be a non-empty array');
  return v.map((s, i) => {
    const at = `sections[${i}]`;
    if (!isObj(s)) throw new TemplateError(`${at}: must be an object`);
    if (typeof s.id !== 'string' || !SECTION_ID_PATTERN.test(s.id)) throw new TemplateError(`${at}: id must be lowercase letters, digits and dashes`);
    const kind = s.kind === undefined ? 'section' : s.kind;
    if (kind !== 'section' && kind !== 'transitory') throw new TemplateError(`${at} (${s.id}): kind must be "section" or "transitory"`);
    if (!Array.isArray(s.body)) throw new TemplateError(`${at} (${s.id}): body must be an array`);
    return {
      id: s.id,
      kind,
      form: form(s.form, at),
      heading: bilingual(s.heading, `${at} (${s.id}).heading`),
      body: s.body.map((p: unknown, j) => {
        const pat = `${at} (${s.id}).body[${j}]`;
        if (!isObj(p) || !Number.isInteger(p.level) || (p.level as number) < 0 || (p.level as number) > MAX_PROVISION_LEVEL) {
          throw new TemplateError(`${pat}: level must be an integer from 0 to ${MAX_PROVISION_LEVEL}`);
        }
        return { level: p.level as number, text: bilingual(p.text, `${pat}.text`) };
      }),
    };
  });
}

/** Checks an authored template object and returns it typed; throws TemplateError naming the problem. */
export function validateTemplate(raw: unknown, expectedId: string): Template {
  if (!isObj(raw)) throw new TemplateError('the file must hold a JSON object');
  if (raw.id !== expectedId) throw new TemplateError(`id must be "${expectedId}" (the folder name), not ${JSON.stringify(raw.id)}`);
  if (raw.kind !== 'act' && raw.kind !== 'mou') throw new TemplateError('kind must be "act" or "mou"');
  if (!Array.isArray(raw.parameters)) throw new TemplateError('parameters: must be an array');
  const parameters = raw.parameters.map((p: unknown, i): TemplateParameter => {
    const at = `parameters[${i}]`;
    if (!isObj(p) || typeof p.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(p.key)) throw new TemplateError(`${at}: key must be an identifier`);
    if (p.source !== 'jurisdiction' && p.source !== 'drafter') throw new TemplateError(`${at} (${p.key}): source must be "jurisdiction" or "drafter"`);
    return { key: p.key, source: p.source, label: bilingual(p.label, `${at} (${p.key}).label`), description: bilingual(p.description, `${at} (${p.key}).description`) };
  });
  const template: Template = {
    id: expectedId,
    kind: raw.kind,
    title: bilingual(raw.title, 'title'),
    parameters,
    front: blocks(raw.front, 'front'),
    sections: sections(raw.sections),
    back: blocks(raw.back, 'back'),
  };
  checkReferences(template);
  return template;
}

function checkReferences(t: Template): void {
  const ids = new Set<string>();
  for (const s of t.sections) {
    if (ids.has(s.id)) throw new TemplateError(`sections: id "${s.id}" is used twice`);
    ids.add(s.id);
  }
  const declared = new Set(t.parameters.map((p) => p.key));
  if (declared.size !== t.parameters.length) throw new TemplateError('parameters: a key is declared twice');
  const used = new Set<string>();
  const texts: [string, string][] = [];
  const add = (where: string, b: { en: string; es: string }) => texts.push([`${where} (en)`, b.en], [`${where} (es)`, b.es]);
  add('title', t.title);
  [...t.front, ...t.back].forEach((b, i) => add(`block ${i}`, b.text));
  for (const s of t.sections) {
    add(`${s.id}.heading`, s.heading);
    s.body.forEach((p, i) => add(`${s.id}.body[${i}]`, p.text));
  }
  for (const [where, text] of texts) {
    const { parameters, refs } = inlineTokens(text);
    for (const key of parameters) {
      if (!declared.has(key)) throw new TemplateError(`${where}: unknown placeholder {{${key}}} (not declared in parameters)`);
      used.add(key);
    }
    for (const ref of refs) if (!ids.has(ref)) throw new TemplateError(`${where}: cross-reference [[${ref}]] names no section`);
    const stray = text.replace(/\{\{[A-Za-z][A-Za-z0-9_]*\}\}|\[\[[a-z0-9][a-z0-9-]*\]\]/g, '');
    if (/\{\{|\}\}|\[\[|\]\]/.test(stray)) throw new TemplateError(`${where}: malformed placeholder or cross-reference in "${text.slice(0, 60)}"`);
  }
  for (const key of declared) if (!used.has(key)) throw new TemplateError(`parameters: "${key}" is declared but never used`);
}
