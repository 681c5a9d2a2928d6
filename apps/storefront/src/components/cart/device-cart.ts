// The cart as this device knows it, shared by every cart component on the page (header badge,
// cart page, "Add to cart", checkout's paused notice): the last cart and quantities the server
// sent, the journal of changes made while the server could not be reached, and whether it can
// be reached now. Kept in localStorage, so a reload, another tab or a page rendered while the
// database is down still shows what the shopper did; replayed through cart.sync, with backoff,
// when the server answers again (see @market/domain/cart-journal for the rules).
import type { AppRouter } from "@market/api";
import type { CartSummary, CartView } from "@market/domain/cart";
import {
  acknowledge,
  baseFromCart,
  parseJournal,
  pendingOperations,
  recordAdd,
  recordSet,
  retryDelayMs,
  type Journal,
  type JournalItem,
} from "@market/domain/cart-journal";
import { TRPCClientError, type TRPCClient } from "@trpc/client";

type CartClient = TRPCClient<AppRouter>;

export type DeviceCartState = {
  /** False while rendering on the server and hydrating: components show their server data. */
  hydrated: boolean;
  /** The server's quantities per variant when last seen; null: never seen on this device. */
  base: Record<string, number> | null;
  /** The server's last full cart seen on this device (the cart page's lines). */
  cart: CartView | null;
  journal: Journal;
  /** False after the server answered "unavailable" or did not answer, until it answers again. */
  reachable: boolean;
  syncing: boolean;
  /** Titles of items a replay could not add (no longer sold; "" when unknown), to tell the shopper once. */
  notAdded: string[];
};

/** Stored per cart owner ("guest" or "user:<id>"), so one shopper never sees another's cart. */
const STORAGE = { journal: "market.cart.journal", snapshot: "market.cart.snapshot" } as const;
const SYNC_LOCK = "market.cart.sync";

const SERVER_STATE: DeviceCartState = { hydrated: false, base: null, cart: null, journal: [], reachable: true, syncing: false, notAdded: [] };

let state: DeviceCartState = SERVER_STATE;
let owner: string | null = null;
let client: CartClient | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;
let flushing: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(changes: Partial<DeviceCartState>) {
  state = { ...state, ...changes };
  for (const listener of listeners) listener();
}

// --- device storage -------------------------------------------------------------------------

function read(key: string): unknown {
  try {
    const text = window.localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // storage disabled or garbage: nothing kept
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the change still shows on this page and is replayed from memory.
  }
}

const journalKey = (who: string) => `${STORAGE.journal}:${who}`;

type Snapshot = { owner: string; base: Record<string, number> | null; cart: CartView | null };

function loadSnapshot(who: string): Pick<Snapshot, "base" | "cart"> {
  const stored = read(STORAGE.snapshot) as Snapshot | null;
  if (!stored || stored.owner !== who) return { base: null, cart: null };
  return { base: stored.base && typeof stored.base === "object" ? stored.base : null, cart: stored.cart ?? null };
}

function saveSnapshot() {
  if (owner) write(STORAGE.snapshot, { owner, base: state.base, cart: state.cart } satisfies Snapshot);
}

function saveJournal(journal: Journal) {
  if (!owner) return;
  write(journalKey(owner), journal.length ? journal : null);
  set({ journal });
}

/** The journal as stored now: another tab may have changed or replayed it meanwhile. */
function storedJournal(): Journal {
  return owner ? parseJournal(read(journalKey(owner))) : state.journal;
}

function onStorage(event: StorageEvent) {
  if (!owner || event.storageArea !== window.localStorage) return;
  if (event.key === journalKey(owner)) set({ journal: storedJournal() });
  // Another tab only stores what the server just sent, so the server is back for this one too.
  if (event.key === STORAGE.snapshot && event.newValue) set({ ...loadSnapshot(owner), reachable: true });
}

// --- the store ------------------------------------------------------------------------------

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getState = () => state;
export const getServerState = () => SERVER_STATE;

/**
 * Whose cart this page shows. Called by the components that render server data before they
 * hand it over. A signed-in shopper inherits changes made on this device as a guest, the way
 * the server merges the guest cart; a snapshot of someone else's cart is forgotten.
 */
export function setOwner(who: string) {
  if (owner === who) return;
  const first = owner === null;
  owner = who;
  let journal = parseJournal(read(journalKey(who)));
  if (who !== "guest") {
    const guest = parseJournal(read(journalKey("guest")));
    for (const entry of guest) if (!journal.some((e) => e.variantId === entry.variantId)) journal = [...journal, entry];
    if (guest.length) {
      write(journalKey("guest"), null);
      write(journalKey(who), journal);
    }
  }
  const snapshot = loadSnapshot(who);
  if (!snapshot.cart && !snapshot.base) write(STORAGE.snapshot, null);
  if (first) window.addEventListener("storage", onStorage);
  set({ ...snapshot, journal, hydrated: true });
}

/** The tRPC client to talk to the server with; replays start once one is known. */
export function attachClient(next: CartClient) {
  client = next;
  if (state.journal.length > 0 || !state.reachable) void flush();
}

/** A full cart from the server (the cart page, the answer to a change). */
export function receiveCart(cart: CartView) {
  set({ cart, base: baseFromCart(cart), reachable: true });
  saveSnapshot();
}

/** The header's summary from the server: fresher quantities than a cart seen earlier. */
export function receiveSummary(summary: CartSummary) {
  const base = Object.fromEntries(summary.lines.map((line) => [line.variantId, line.quantity]));
  set({ base, reachable: true });
  saveSnapshot();
}

/** The server could not be asked (a page rendered while the database was down, a failed call). */
export function markUnreachable() {
  if (state.reachable) set({ reachable: false });
  scheduleRetry();
}

export function dismissNotAdded() {
  set({ notAdded: [] });
}

/** Whether a failed call means "try later" (database down, server or network away). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number } | undefined | null;
    const response = (error.meta as { response?: { status?: number } } | undefined)?.response;
    const status = data?.httpStatus ?? response?.status;
    // No status at all: the request never got an answer (offline, server restarting).
    return status === undefined || status === 502 || status === 503 || status === 504;
  }
  return error instanceof TypeError; // fetch's own "Failed to fetch"
}

function message(error: unknown): string | null {
  return error instanceof TRPCClientError ? error.message : null;
}

export type ChangeResult = { saved: "server" | "device" } | { error: string | null };

/** Keeps a change on the device and starts a replay. */
function keepOnDevice(journal: Journal): ChangeResult {
  saveJournal(journal);
  void flush();
  return { saved: "device" };
}

/** "Add to cart": one unit of the variant; `item` is what to show while it is only on this device. */
export async function addToCart(variantId: string, item: JournalItem | null): Promise<ChangeResult & { itemCount?: number }> {
  const offline = () => keepOnDevice(recordAdd(storedJournal(), state.base ?? {}, variantId, 1, item).journal);
  // Changes already waiting go first, in order, so this one joins them.
  if (state.journal.length > 0 || !client) return offline();
  try {
    const added = await client.cart.add.mutate({ variantId, quantity: 1 });
    set({ base: { ...state.base, [variantId]: added.quantity }, reachable: true });
    saveSnapshot();
    return { saved: "server", itemCount: added.itemCount };
  } catch (error) {
    if (!isUnreachable(error)) return { error: message(error) };
    markUnreachable();
    return offline();
  }
}

type LineRef = { variantId: string; serverLineId: string | null };

/** Sets a line's quantity (0 removes it). */
export async function setLineQuantity(line: LineRef, quantity: number): Promise<ChangeResult> {
  const offline = () => keepOnDevice(recordSet(storedJournal(), line.variantId, quantity));
  if (state.journal.length > 0 || !client || !line.serverLineId) return offline();
  try {
    const cart =
      quantity === 0
        ? await client.cart.remove.mutate({ lineId: line.serverLineId })
        : await client.cart.setQuantity.mutate({ lineId: line.serverLineId, quantity });
    receiveCart(cart);
    return { saved: "server" };
  } catch (error) {
    if (!isUnreachable(error)) return { error: message(error) };
    markUnreachable();
    return offline();
  }
}

/** Removes every line that cannot be bought today. */
export async function clearUnavailable(lines: (LineRef & { sold: boolean; available: number })[]): Promise<ChangeResult> {
  const offline = () => {
    let journal = storedJournal();
    for (const line of lines) if (!line.sold || line.available === 0) journal = recordSet(journal, line.variantId, 0);
    return keepOnDevice(journal);
  };
  if (state.journal.length > 0 || !client) return offline();
  try {
    receiveCart(await client.cart.clearUnavailable.mutate());
    return { saved: "server" };
  } catch (error) {
    if (!isUnreachable(error)) return { error: message(error) };
    markUnreachable();
    return offline();
  }
}

// --- replay ---------------------------------------------------------------------------------

function scheduleRetry() {
  if (retryTimer || typeof window === "undefined") return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void flush();
  }, retryDelayMs(attempt++));
}

/** Replays now (the network came back, the tab became visible), not at the next backoff step. */
export function retryNow() {
  if (state.journal.length === 0 && state.reachable) return;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  void flush();
}

/**
 * Sends the journal to cart.sync, or, with nothing to send while the server seemed away, asks
 * for the cart to learn whether it is back. One replay at a time per page, and across tabs
 * through a Web Lock where the browser has them (a second replay of the same journal would be
 * harmless anyway: it only sets the same quantities again).
 */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      if (locks) await locks.request(SYNC_LOCK, replay);
      else await replay();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

async function replay(): Promise<void> {
  if (!client) return;
  set({ syncing: true });
  try {
    for (let round = 0; round < 5; round++) {
      const journal = storedJournal();
      if (journal.length === 0) {
        if (!state.reachable) receiveCart(await client.cart.get.query());
        set({ journal });
        break;
      }
      const sent = pendingOperations(journal);
      const { results, cart } = await client.cart.sync.mutate({ operations: sent });
      const notAdded = results
        .filter((r) => r.outcome !== "applied")
        .map((r) => journal.find((e) => e.variantId === r.variantId)?.item?.product.title ?? "");
      saveJournal(acknowledge(storedJournal(), sent));
      receiveCart(cart);
      if (notAdded.length) set({ notAdded: [...state.notAdded, ...notAdded] });
    }
    attempt = 0;
  } catch (error) {
    if (isUnreachable(error) || (error instanceof TRPCClientError && error.data?.httpStatus === 429)) {
      set({ reachable: false });
      scheduleRetry();
    } else {
      // The server refused the changes themselves (it never should: they are validated when
      // recorded). Keeping them would pause checkout forever, so they are let go, and said so.
      const titles = state.journal.map((e) => e.item?.product.title ?? "");
      saveJournal([]);
      set({ notAdded: [...state.notAdded, ...titles], reachable: true });
    }
  } finally {
    set({ syncing: false });
  }
}
