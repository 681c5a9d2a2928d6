// Interface text in every supported language. English is the reference: Russian must have
// exactly the same keys (the type checker says which are missing).
import { en } from "./messages/en.ts";
import { ru } from "./messages/ru.ts";
import type { Locale } from "./locales.ts";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Locale, Messages> = { en, ru };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// One translator per language for the life of the process: pages ask for one in many components
// on every request, and its plural rules are costly to build.
const translators = new Map<Locale, Translate>();

/** `t("cart.items", { count: 3 })` fills `{count}`; plural forms use `|` ("item|items"). */
export function createTranslator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = buildTranslator(locale);
    translators.set(locale, translate);
  }
  return translate;
}

function buildTranslator(locale: Locale): Translate {
  const messages = catalogues[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, params) => {
    let text = messages[key] ?? key;
    if (text.includes("|") && params && typeof params.count === "number") {
      const forms = text.split("|");
      const order = locale === "ru" ? ["one", "few", "many"] : ["one", "other"];
      const index = Math.max(0, order.indexOf(plural.select(params.count)));
      text = forms[Math.min(index, forms.length - 1)]!;
    }
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
  };
}
