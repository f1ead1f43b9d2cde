import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { I18nProvider } from 'react-admin';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

interface KioskI18n {
  readonly t: Translate;
  readonly locale: string;
  readonly toggleLocale: () => void;
}

const Context = createContext<KioskI18n | null>(null);

/**
 * The console's catalogues without react-admin's store: the kiosk keeps no language choice in
 * localStorage (a customer's switch to English must not outlive the session).
 */
export const KioskI18nProvider = ({ provider, children }: { provider: I18nProvider; children: ReactNode }) => {
  const [locale, setLocale] = useState('zh-TW');
  const toggleLocale = useCallback(() => {
    const next = locale === 'en' ? 'zh-TW' : 'en';
    void Promise.resolve(provider.changeLocale(next)).then(() => setLocale(next));
  }, [locale, provider]);
  const value = useMemo<KioskI18n>(
    () => ({ t: (key, options) => provider.translate(key, options), locale, toggleLocale }),
    // locale is a dependency on purpose: a new `t` re-renders every text after the switch.
    [provider, locale, toggleLocale],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
};

export function useKioskI18n(): KioskI18n {
  const value = useContext(Context);
  if (!value) throw new Error('useKioskI18n outside KioskI18nProvider');
  return value;
}
