import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates/loadTemplates';
import { templateToContent } from '../../client/shared/bill/templateToContent';
import { billSchema } from '../../client/shared/schema/billSchema';
import { computeNumbering } from '../../client/shared/bill/numbering';
import { parseInline } from '../../client/shared/bill/parseInline';

const TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

function withTemplate(template: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-'));
  fs.mkdirSync(path.join(dir, 'broken'));
  fs.writeFileSync(path.join(dir, 'broken', 'template.json'), typeof template === 'string' ? template : JSON.stringify(template));
  fs.copyFileSync(path.join(TEMPLATES_DIR, 'jurisdictions.json'), path.join(dir, 'jurisdictions.json'));
  return dir;
}

const minimal = {
  id: 'broken',
  kind: 'act',
  title: { en: 'Act', es: 'Ley' },
  parameters: [{ key: 'stateName', source: 'jurisdiction', label: { en: 'State', es: 'Estado' }, description: { en: 'd', es: 'd' } }],
  front: [{ type: 'billTitle', form: 'any', text: { en: 'Act of {{stateName}}', es: 'Ley de {{stateName}}' } }],
  sections: [{ id: 'one', kind: 'section', form: 'any', heading: { en: 'One', es: 'Uno' }, body: [{ level: 0, text: { en: 'See [[one]].', es: 'Véase el [[one]].' } }] }],
};

describe('templates', () => {
  it('every template in templates/ validates and matches the bill schema in both languages', () => {
    const { templates } = loadTemplates(TEMPLATES_DIR);
    expect([...templates.keys()].sort()).toEqual(['binational-mou', 'tco-civil-forfeiture']);
    for (const template of templates.values()) {
      const content = templateToContent(template);
      for (const lang of ['en', 'es'] as const) {
        const doc = billSchema.nodeFromJSON(content[lang]);
        doc.check();
        const numbering = computeNumbering(doc, lang, template.kind);
        expect(numbering.sections.length).toBe(template.sections.length);
        expect(new Set(numbering.sections.map((s) => s.sectionId)).size).toBe(template.sections.length);
      }
      // The same section ids, in the same order, in both languages.
      expect(content.en.content?.filter((n) => n.type === 'section').map((n) => n.attrs?.sectionId)).toEqual(
        content.es.content?.filter((n) => n.type === 'section').map((n) => n.attrs?.sectionId),
      );
    }
  });

  it('the civil forfeiture act is substantive and has Mexican transitorios', () => {
    const t = loadTemplates(TEMPLATES_DIR).templates.get('tco-civil-forfeiture');
    expect(t?.sections.length).toBeGreaterThanOrEqual(15);
    expect(t?.sections.filter((s) => s.kind === 'transitory').length).toBeGreaterThanOrEqual(2);
    expect(t?.front.some((b) => b.type === 'enactingClause' && b.form === 'us')).toBe(true);
    const text = JSON.stringify(t);
    for (const word of ['extinción de dominio', 'buena fe', 'restitution', 'proportional', 'severab']) expect(text.toLowerCase()).toContain(word.toLowerCase());
  });

  it('names the file and the problem when a template is broken', () => {
    expect(() => loadTemplates(withTemplate('{ not json'))).toThrow(/broken[\\/]template\.json: not valid JSON/);
    expect(() => loadTemplates(withTemplate({ ...minimal, kind: 'law' }))).toThrow(/broken[\\/]template\.json: kind must be "act" or "mou"/);
    const unknownPlaceholder = structuredClone(minimal);
    unknownPlaceholder.front[0]!.text.es = 'Ley de {{estado}}';
    expect(() => loadTemplates(withTemplate(unknownPlaceholder))).toThrow(/title|block 0 \(es\): unknown placeholder \{\{estado\}\}/);
    const badRef = structuredClone(minimal);
    badRef.sections[0]!.body[0]!.text.en = 'See [[two]].';
    expect(() => loadTemplates(withTemplate(badRef))).toThrow(/one\.body\[0\] \(en\): cross-reference \[\[two\]\] names no section/);
    const missingEs = structuredClone(minimal) as { sections: { heading: Record<string, string> }[] };
    delete missingEs.sections[0]!.heading.es;
    expect(() => loadTemplates(withTemplate(missingEs))).toThrow(/sections\[0\] \(one\)\.heading: needs "en" and "es" strings/);
  });

  it('turns placeholders and references into nodes, never markup', () => {
    expect(parseInline('A {{trialCourt}} under [[seizure]].\n<b>x</b>')).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'parameter', attrs: { key: 'trialCourt', value: null } },
      { type: 'text', text: ' under ' },
      { type: 'crossRef', attrs: { target: 'seizure' } },
      { type: 'text', text: '.' },
      { type: 'hardBreak' },
      { type: 'text', text: '<b>x</b>' },
    ]);
  });
});
