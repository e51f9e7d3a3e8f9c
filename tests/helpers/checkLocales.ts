import { localeDifferences } from './localeKeys';

// `npm run i18n:check`: fails when locales/en and locales/es do not have the same keys.
const { onlyEn, onlyEs } = localeDifferences();
if (onlyEn.length || onlyEs.length) {
  if (onlyEn.length) console.error(`Only in locales/en: ${onlyEn.join(', ')}`);
  if (onlyEs.length) console.error(`Only in locales/es: ${onlyEs.join(', ')}`);
  process.exit(1);
}
console.log('locales/en and locales/es have the same keys');
