import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { zhTw } from './zh-TW';

export const DEFAULT_LOCALE = 'zh-TW';

const LOCALES = [
  { locale: 'zh-TW', name: '繁體中文' },
  { locale: 'en', name: 'English' },
];

/** zh-TW ships in the main bundle; English loads the first time someone switches to it. */
function messagesFor(locale: string): TranslationMessages | Promise<TranslationMessages> {
  if (locale === 'en') return import('./en').then((module) => module.en);
  return zhTw;
}

/**
 * Polyglot with zh-TW as the default. react-admin keeps the chosen locale in its store and restores
 * it at start-up. A missing key falls back to the `_` default the caller gave, never to an error.
 */
export function createI18nProvider(): I18nProvider {
  return polyglotI18nProvider(messagesFor, DEFAULT_LOCALE, LOCALES, { allowMissing: true });
}
