"use client";
// Lists kept on the shopper's device (localStorage): a guest's favourites and the recently
// viewed products. Each is a JSON array of product ids, newest first. Components read them with
// useDeviceList, which renders nothing on the server and fills in after hydration.
import { useSyncExternalStore } from "react";

export const DEVICE_LISTS = {
  favourites: { key: "market.favourites", max: 100 },
  recentlyViewed: { key: "market.recentlyViewed", max: 12 },
} as const;
type ListName = keyof typeof DEVICE_LISTS;

const CHANGED = "market:device-list";
// The same shape the server accepts (RFC 9562: a version digit 1-8, variant 8-b).
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function raw(name: ListName): string {
  try {
    return window.localStorage.getItem(DEVICE_LISTS[name].key) ?? "[]";
  } catch {
    return "[]"; // storage disabled (private mode, policy)
  }
}

const parsed = new Map<string, string[]>();
function parse(text: string): string[] {
  let list = parsed.get(text);
  if (!list) {
    try {
      const value: unknown = JSON.parse(text);
      list = Array.isArray(value) ? value.filter((id): id is string => typeof id === "string" && ID.test(id)) : [];
    } catch {
      list = [];
    }
    parsed.set(text, list);
  }
  return list;
}

export function readDeviceList(name: ListName): string[] {
  return parse(raw(name));
}

export function writeDeviceList(name: ListName, ids: string[]): void {
  try {
    window.localStorage.setItem(DEVICE_LISTS[name].key, JSON.stringify([...new Set(ids)].slice(0, DEVICE_LISTS[name].max)));
  } catch {
    // Storage full or disabled: the list simply is not kept.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Puts the id first (removing an older entry), keeping the list within its size. */
export function pushToDeviceList(name: ListName, id: string): void {
  writeDeviceList(name, [id, ...readDeviceList(name).filter((other) => other !== id)]);
}

export function removeFromDeviceList(name: ListName, id: string): void {
  writeDeviceList(name, readDeviceList(name).filter((other) => other !== id));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange); // other tabs
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The list, or null while rendering on the server and during hydration. */
export function useDeviceList(name: ListName): string[] | null {
  return useSyncExternalStore(
    subscribe,
    () => readDeviceList(name),
    () => null,
  );
}
