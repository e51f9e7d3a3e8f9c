import fs from 'node:fs';
import path from 'node:path';
import type { Jurisdiction, Template } from '@shared/bill/templateFormat';
import { TemplateError, validateTemplate } from './validateTemplate';
import { validateJurisdictions } from './validateJurisdictions';
import { validateGlossary } from './validateGlossary';
import type { GlossaryEntry } from '@shared/bill/glossary';

/** Templates and jurisdictions, loaded and validated once at start-up. */
export interface TemplateLibrary {
  templates: Map<string, Template>;
  jurisdictions: Map<string, Jurisdiction>;
  /** The glossary seed (templates/glossary.json), empty when the file is absent. */
  glossarySeed: GlossaryEntry[];
}

/** Reads every templates/<id>/template.json, templates/jurisdictions.json and templates/glossary.json; throws naming the bad file. */
export function loadTemplates(dir: string): TemplateLibrary {
  const templates = new Map<string, Template>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name, 'template.json');
    if (!fs.existsSync(file)) continue;
    templates.set(entry.name, readJson(file, (raw) => validateTemplate(raw, entry.name)));
  }
  const jurisdictionsFile = path.join(dir, 'jurisdictions.json');
  const list = readJson(jurisdictionsFile, validateJurisdictions);
  const glossaryFile = path.join(dir, 'glossary.json');
  const glossarySeed = fs.existsSync(glossaryFile) ? readJson(glossaryFile, validateGlossary) : [];
  return { templates, jurisdictions: new Map(list.map((j) => [j.code, j])), glossarySeed };
}

function readJson<T>(file: string, validate: (raw: unknown) => T): T {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TemplateError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return validate(raw);
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(`${file}: ${err.message}`);
    throw err;
  }
}
