import type { AnyExtension } from '@tiptap/core';
import Text from '@tiptap/extension-text';
import Paragraph from '@tiptap/extension-paragraph';
import Bold from '@tiptap/extension-bold';
import Italic from '@tiptap/extension-italic';
import HardBreak from '@tiptap/extension-hard-break';
import { BillDocument } from './BillDocument';
import { BillTitle } from './BillTitle';
import { EnactingClause } from './EnactingClause';
import { FrontHeading } from './FrontHeading';
import { Section } from './Section';
import { SectionHeading } from './SectionHeading';
import { Provision } from './Provision';
import { SignatureBlock } from './SignatureBlock';
import { Parameter } from './Parameter';
import { CrossRef } from './CrossRef';
import { FormAttribute } from './FormAttribute';
import { SuggestedDeletion, SuggestedInsertion } from './Suggestion';

/**
 * The nodes and marks of a bill, free of React and DOM-only code: the editor, the server's content
 * and export paths and the tests all build their schema from this one list.
 */
export const billExtensions: AnyExtension[] = [
  BillDocument,
  Text,
  Paragraph,
  Bold,
  Italic,
  HardBreak,
  BillTitle,
  EnactingClause,
  FrontHeading,
  Section,
  SectionHeading,
  Provision,
  SignatureBlock,
  Parameter,
  CrossRef,
  FormAttribute,
  SuggestedInsertion,
  SuggestedDeletion,
];
