import type { Services } from '../services';
import type { ResolvedRef } from './documentRefs';
import { keepForm } from '@shared/bill/fillParameters';
import type { BilingualContent } from '@shared/bill/yBill';

/**
 * A model act holds both the US and the Mexican legislative forms; compared with (or redlined
 * against) a variant, it keeps only the variant's form, so the form itself is not a deviation.
 */
export function comparableContent(services: Services, ref: ResolvedRef, other: ResolvedRef): BilingualContent {
  if (ref.doc.kind !== 'model' || other.doc.kind !== 'variant' || !other.doc.jurisdiction) return ref.content;
  const country = services.library.jurisdictions.get(other.doc.jurisdiction)?.country;
  return country ? keepForm(ref.content, country === 'US' ? 'us' : 'mx') : ref.content;
}
