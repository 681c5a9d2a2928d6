"use client";
// The header's search box: a combobox whose suggestions (products and categories) follow the
// typing. Without JavaScript it is still a GET form to /search.
import type { Suggestion } from "@market/domain/search";
import { useT } from "@market/web/i18n/client";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useState, type KeyboardEvent } from "react";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function hrefOf(s: Suggestion): string {
  if (s.kind === "product") return `/products/${s.slug}`;
  if (s.kind === "category") return `/catalog/${s.slug}`;
  return `/search?q=${encodeURIComponent(s.text)}`;
}

function labelOf(s: Suggestion): string {
  return s.kind === "product" ? s.title : s.kind === "category" ? s.name : s.text;
}

export function SearchBox() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const initial = useSearchParams().get("q") ?? "";
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const prefix = useDebounced(text.trim(), 150);
  const suggestions = useQuery({
    ...trpc.search.suggest.queryOptions({ q: prefix }),
    enabled: prefix.length >= 2,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const items = prefix.length >= 2 ? (suggestions.data ?? []) : [];
  const expanded = open && items.length > 0;

  function go(href: string) {
    setOpen(false);
    router.push(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      go(hrefOf(items[active]!));
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <form action="/search" method="get" role="search" className="relative flex-1"
      onSubmit={(e) => { e.preventDefault(); if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`); }}>
      <label htmlFor={`${listId}-input`} className="sr-only">{t("search.label")}</label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={t("search.placeholder")}
        value={text}
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="min-h-11 w-full rounded-xl border-0 bg-white px-4 pr-24 text-base text-ink outline-none placeholder:text-muted focus:ring-2 focus:ring-white/60"
      />
      <button type="submit" className="absolute right-1 top-1 min-h-9 rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white">
        {t("search.submit")}
      </button>
      {expanded ? (
        <ul id={listId} role="listbox" aria-label={t("search.suggestions")}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-96 overflow-y-auto rounded-xl bg-white py-1 text-ink shadow-lg">
          {items.map((s, i) => (
            <li key={`${s.kind}-${labelOf(s)}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); go(hrefOf(s)); }}
              className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${i === active ? "bg-brand-50" : "hover:bg-gray-50"}`}>
              {s.kind === "product" && s.imageUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- a 32px thumbnail
                <img src={s.imageUrl} alt="" className="size-8 rounded object-cover" />
              ) : (
                <span aria-hidden className="flex size-8 items-center justify-center rounded bg-gray-100 text-xs text-muted">{s.kind === "category" ? "▦" : "⌕"}</span>
              )}
              <span className="line-clamp-1">{labelOf(s)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
