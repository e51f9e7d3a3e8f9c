import { useEffect, useState } from 'react';
import { api } from '../app/api';
import { GlossaryMatcher, type GlossaryEntry } from '@shared/bill/glossary';

/** The shared glossary, compiled for matching; null until loaded. */
export function useGlossary(): GlossaryMatcher | null {
  const [matcher, setMatcher] = useState<GlossaryMatcher | null>(null);
  useEffect(() => {
    api<GlossaryEntry[]>('/api/glossary').then((entries) => setMatcher(new GlossaryMatcher(entries))).catch(() => setMatcher(null));
  }, []);
  return matcher;
}
