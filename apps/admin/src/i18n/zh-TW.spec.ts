import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { appEn } from './app.en';
import { en } from './en';
import { zhTw } from './zh-TW';

/** Mainland wording a Taiwan reader notices at once, with what Taiwan says instead. */
const MAINLAND_WORDS = ['保存', '刷新', '加載', '文件', '打印', '信息', '默認', '賬號', '账号'];

function flatten(tree: object, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else if (value && typeof value === 'object') flatten(value as object, path).forEach((v, k) => entries.set(k, v));
  }
  return entries;
}

const placeholders = (text: string): string[] => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]);

const zh = flatten(zhTw);

describe('zh-TW catalogue', () => {
  it('has every react-admin key of the English catalogue', () => {
    const raKeys = [...flatten(englishMessages).keys()];
    expect(raKeys.length).toBeGreaterThan(150);
    expect(raKeys.filter((key) => !zh.has(key))).toEqual([]);
  });

  it('has every key of our English catalogue, errors included', () => {
    const appKeys = [
      ...flatten(appEn).keys(),
      ...[...flatten(en).keys()].filter((k) => /^(errors|remedies)\./.test(k)),
    ];
    expect(appKeys).toContain('errors.CUSTOMER_DUPLICATE');
    expect(appKeys.filter((key) => !zh.has(key))).toEqual([]);
  });

  it('uses no mainland wording', () => {
    const offending = [...zh].filter(([, text]) => MAINLAND_WORDS.some((word) => text.includes(word)));
    expect(offending).toEqual([]);
  });

  it('fills only placeholders the English message knows', () => {
    const english = flatten(en);
    const unknown = [...zh]
      .filter(([key]) => english.has(key))
      .flatMap(([key, text]) =>
        placeholders(text)
          .filter((p) => !placeholders(english.get(key)!).includes(p))
          .map((p) => `${key}: ${p}`),
      );
    expect(unknown).toEqual([]);
  });

  it('translates every message rather than copying the English', () => {
    const english = flatten(en);
    const copied = [...zh].filter(
      ([key, text]) => /[A-Za-z]{3}/.test(text.replace(/%\{\w+\}/g, '')) && text === english.get(key),
    );
    expect(copied).toEqual([]);
  });
});
