// The shopper's language on the server: the cookie they chose, else their browser's.
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createTranslator } from "./messages.ts";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locales.ts";

export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export async function getTranslator() {
  return createTranslator(await getLocale());
}
