import { useTranslation } from 'react-i18next';
import { setInterfaceLanguage } from '../i18n/i18n';
import { LANGS } from '@shared/bill/Lang';

/** Switches the interface between English and Spanish; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switcher" role="group" aria-label={t('app.interfaceLanguage')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className={i18n.language === lang ? 'active' : ''}
          aria-pressed={i18n.language === lang}
          onClick={() => setInterfaceLanguage(lang)}
          data-testid={`ui-lang-${lang}`}
        >
          {t(`languages.short.${lang}`)}
        </button>
      ))}
    </div>
  );
}
