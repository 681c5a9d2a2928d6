import type { Translate } from "@market/web/i18n";
import Link from "next/link";
import { HeartIcon } from "../icons";

export function EmptyFavourites({ t }: { t: Translate }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl bg-gray-50 px-6 py-12 text-center">
      <HeartIcon filled={false} className="size-12 text-gray-300" />
      <h2 className="text-lg font-semibold">{t("favourites.empty")}</h2>
      <p className="text-muted">{t("favourites.emptyHint")}</p>
      <Link href="/" className="rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">{t("favourites.browse")}</Link>
    </div>
  );
}
