import type { Bilingual } from './Lang';
import type { BlockForm } from '../schema/FormAttribute';
import type { SectionKind } from '../schema/Section';

/** A parameter declared by a template (see templates/FORMAT.md). */
export interface TemplateParameter {
  key: string;
  source: 'jurisdiction' | 'drafter';
  label: Bilingual;
  description: Bilingual;
}

/** A block outside the numbered sections. */
export interface TemplateBlock {
  type: 'billTitle' | 'enactingClause' | 'heading' | 'paragraph' | 'signatureBlock';
  form: BlockForm;
  text: Bilingual;
}

/** One numbered section of a template. */
export interface TemplateSection {
  id: string;
  kind: SectionKind;
  form: BlockForm;
  heading: Bilingual;
  body: { level: number; text: Bilingual }[];
}

/** A template as authored in templates/<id>/template.json. */
export interface Template {
  id: string;
  kind: 'act' | 'mou';
  title: Bilingual;
  parameters: TemplateParameter[];
  front: TemplateBlock[];
  sections: TemplateSection[];
  back: TemplateBlock[];
}

/** A jurisdiction's value for a parameter, in both languages; null when not known to be true. */
export type ParameterValue = Bilingual | null;

/** One jurisdiction of templates/jurisdictions.json. */
export interface Jurisdiction {
  code: string;
  name: Bilingual;
  country: 'US' | 'MX';
  authoritativeLanguage: 'en' | 'es';
  parameters: Record<string, ParameterValue>;
}
