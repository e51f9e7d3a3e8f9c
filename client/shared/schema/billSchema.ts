import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { billExtensions } from './billExtensions';

/** The ProseMirror schema of a bill (one language), built once from the shared extensions. */
export const billSchema: Schema = getSchema(billExtensions);
