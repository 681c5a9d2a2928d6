"use client";
// Client components read the language chosen on the server through this provider.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createTranslator, type Translate } from "./messages.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => createTranslator(locale), [locale]);
}
