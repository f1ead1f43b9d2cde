import type { TranslationMessages } from 'react-admin';
import { appZhTw } from './app.zh-TW';
import { errorMessages } from './error-messages';
import { raZhTw } from './ra.zh-TW';

/** Everything the console says in Taiwan Mandarin: the default language. */
export const zhTw: TranslationMessages = { ...raZhTw, ...appZhTw, ...errorMessages('zh-TW') };
