import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { appEn } from './app.en';
import { errorMessages } from './error-messages';

/** Everything the console says in English: react-admin's messages, ours, and the error list's. */
export const en: TranslationMessages = { ...englishMessages, ...appEn, ...errorMessages('en') };
export default en;
