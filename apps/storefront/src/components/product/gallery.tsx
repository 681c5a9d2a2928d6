"use client";
// The product's pictures: one large, thumbnails to pick another; buttons and arrow keys move
// between them. Pictures go through Next's image optimisation at the size they are shown.
import { useT } from "@market/web/i18n/client";
import { cn } from "@market/ui";
import Image from "next/image";
import { useState, type KeyboardEvent } from "react";

type Picture = { url: string; alt: string; width: number | null; height: number | null };

export function ProductGallery({ images }: { images: Picture[] }) {
  const t = useT();
  const [index, setIndex] = useState(0);
  const current = images[index];
  if (!current) return <div className="aspect-[3/4] rounded-2xl bg-gray-100" />;
  const total = images.length;
  const go = (next: number) => setIndex((next + total) % total);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight") go(index + 1);
    else if (event.key === "ArrowLeft") go(index - 1);
    else return;
    event.preventDefault();
  };

  return (
    <section aria-label={t("product.pictures")} className="flex flex-col gap-3" onKeyDown={total > 1 ? onKeyDown : undefined}>
      <div className="relative aspect-[3/4] overflow-hidden rounded-2xl bg-gray-100">
        <Image
          key={current.url}
          src={current.url}
          alt={current.alt}
          width={current.width ?? 600}
          height={current.height ?? 800}
          sizes="(min-width: 1280px) 480px, (min-width: 1024px) 416px, (min-width: 768px) 50vw, 100vw"
          loading="eager"
          fetchPriority={index === 0 ? "high" : "auto"}
          className="size-full object-cover"
        />
        {total > 1 ? (
          <>
            <button type="button" onClick={() => go(index - 1)} aria-label={t("product.previousPicture")} className="absolute top-1/2 left-2 grid size-10 -translate-y-1/2 place-items-center rounded-full bg-white/85 text-xl shadow hover:bg-white">
              <span aria-hidden>‹</span>
            </button>
            <button type="button" onClick={() => go(index + 1)} aria-label={t("product.nextPicture")} className="absolute top-1/2 right-2 grid size-10 -translate-y-1/2 place-items-center rounded-full bg-white/85 text-xl shadow hover:bg-white">
              <span aria-hidden>›</span>
            </button>
            <p aria-live="polite" className="absolute right-3 bottom-3 rounded-full bg-black/55 px-2 py-0.5 text-xs text-white">
              {t("product.pictureOf", { n: index + 1, total })}
            </p>
          </>
        ) : null}
      </div>
      {total > 1 ? (
        <ul className="flex gap-2 overflow-x-auto pb-1">
          {images.map((image, i) => (
            <li key={image.url} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={t("product.pictureOf", { n: i + 1, total })}
                aria-current={i === index ? "true" : undefined}
                className={cn("block w-16 overflow-hidden rounded-lg border-2", i === index ? "border-brand-600" : "border-transparent hover:border-gray-300")}
              >
                <Image src={image.url} alt="" width={64} height={85} sizes="64px" className="aspect-[3/4] w-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
