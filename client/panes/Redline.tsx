import { useTranslation } from 'react-i18next';
import type { Change } from '@shared/compare/compareSections';

/** A paragraph's redline: insertions underlined, deletions struck through, filled-in parameters apart. */
export function Redline({ changes }: { changes: Change[] }) {
  const { t } = useTranslation();
  return (
    <>
      {changes.map((c, i) => {
        if (c.type === 'insert') return <ins key={i} className="rl-ins">{c.text}</ins>;
        if (c.type === 'delete') return <del key={i} className="rl-del">{c.text}</del>;
        if (c.type === 'parameter') {
          return (
            <span key={i} className="rl-param" title={t('compare.parameterTitle', { key: c.key, from: c.from })}>
              {c.text}
            </span>
          );
        }
        return <span key={i}>{c.text}</span>;
      })}
    </>
  );
}
