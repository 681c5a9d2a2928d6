// EN / RU switch: a form per language so it works before (and without) JavaScript.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, LOCALES, isLocale, type Locale } from "./locales.ts";

const LABELS: Record<Locale, { short: string; name: string }> = {
  en: { short: "EN", name: "English" },
  ru: { short: "RU", name: "Русский" },
};

async function setLocale(formData: FormData) {
  "use server";
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
}

export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded-lg border border-white/40 text-xs">
      {LOCALES.map((locale) => (
        <form key={locale} action={setLocale}>
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            lang={locale}
            aria-label={LABELS[locale].name}
            aria-pressed={locale === current}
            className={locale === current ? "bg-white px-2 py-1 font-semibold text-brand-700" : "px-2 py-1 hover:bg-white/15"}
          >
            {LABELS[locale].short}
          </button>
        </form>
      ))}
    </div>
  );
}
