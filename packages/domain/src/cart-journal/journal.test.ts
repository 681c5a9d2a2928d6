import { describe, expect, it } from "vitest";
import type { CartView } from "../cart/index.ts";
import {
  acknowledge,
  applyJournal,
  baseFromCart,
  itemCountOnDevice,
  parseJournal,
  pendingOperations,
  quantityOnDevice,
  recordAdd,
  recordSet,
  retryDelayMs,
  type Journal,
  type JournalItem,
} from "./index.ts";

const A = "0195f1a2-0000-7000-8000-00000000000a";
const B = "0195f1a2-0000-7000-8000-00000000000b";
const C = "0195f1a2-0000-7000-8000-00000000000c";

const serverCart: CartView = {
  groups: [
    {
      seller: { slug: "nordic-threads", name: "Nordic Threads" },
      lines: [
        {
          id: "0195f1a2-0000-7000-8000-0000000000a1",
          variantId: A,
          product: { slug: "dress", title: "Linen dress", image: null },
          size: "M",
          color: "Sand",
          quantity: 2,
          unitPriceMinor: 300_00,
          compareAtMinor: null,
          priceSeenMinor: null,
          lineTotalMinor: 600_00,
          currency: "RUB",
          available: 10,
          sold: true,
        },
      ],
      subtotals: [{ currency: "RUB", amountMinor: 600_00 }],
    },
  ],
  itemCount: 2,
  totals: [{ currency: "RUB", amountMinor: 600_00 }],
};

const headphones: JournalItem = {
  product: { slug: "headphones", title: "Wireless headphones", image: { url: "/files/h.svg", alt: "Headphones" } },
  seller: { slug: "volga-electronics", name: "Volga Electronics" },
  size: null,
  color: "Black",
  unitPriceMinor: 1_000_00,
  compareAtMinor: 1_200_00,
  currency: "RUB",
  available: 4,
};

describe("recording changes", () => {
  it("keeps one entry per variant, the latest word, in the order last changed", () => {
    let journal: Journal = [];
    journal = recordSet(journal, A, 3, null, 1);
    journal = recordSet(journal, B, 1, headphones, 2);
    journal = recordSet(journal, A, 5, null, 3);
    expect(journal).toEqual([
      { variantId: B, quantity: 1, at: 2, item: headphones },
      { variantId: A, quantity: 5, at: 3, item: null },
    ]);
    // A later change without item details keeps the ones recorded with the add.
    expect(recordSet(journal, B, 2, null, 4).find((e) => e.variantId === B)!.item).toEqual(headphones);
  });

  it("records adds as the quantity they lead to, on top of the server's and the journal's", () => {
    const base = baseFromCart(serverCart);
    let { journal, quantity } = recordAdd([], base, A, 1);
    expect(quantity).toBe(3);
    ({ journal, quantity } = recordAdd(journal, base, A, 1));
    expect(quantity).toBe(4);
    ({ journal, quantity } = recordAdd(journal, base, B, 1, headphones));
    expect(quantity).toBe(1);
    expect(pendingOperations(journal)).toEqual([
      { variantId: A, quantity: 4 },
      { variantId: B, quantity: 1 },
    ]);
    expect(recordAdd(recordSet([], A, 98), base, A, 5).quantity).toBe(99);
  });

  it("refuses quantities a cart cannot hold", () => {
    for (const quantity of [-1, 1.5, 100, 10 ** 9, Number.NaN, "1" as unknown as number]) {
      expect(() => recordSet([], A, quantity)).toThrow(RangeError);
    }
    expect(() => recordAdd([], {}, A, 0)).toThrow(RangeError);
    const full = Array.from({ length: 100 }, (_, i) => ({ variantId: `0195f1a2-0000-7000-8000-${String(i).padStart(12, "0")}`, quantity: 1, at: 0, item: null }));
    expect(() => recordSet(full, A, 1)).toThrow(RangeError);
    expect(recordSet(full, full[0]!.variantId, 2)).toHaveLength(100);
  });
});

describe("what the shopper sees", () => {
  it("applies quantity changes, removals and offline adds on top of the last server cart", () => {
    let journal = recordSet([], A, 3);
    journal = recordSet(journal, B, 2, headphones);
    const view = applyJournal(serverCart, journal);
    expect(view.groups.map((g) => g.seller.name)).toEqual(["Nordic Threads", "Volga Electronics"]);
    expect(view.groups[0]!.lines[0]).toMatchObject({ quantity: 3, lineTotalMinor: 900_00, pending: true, serverLineId: serverCart.groups[0]!.lines[0]!.id });
    expect(view.groups[1]!.lines[0]).toMatchObject({ id: `device:${B}`, quantity: 2, lineTotalMinor: 2_000_00, pending: true, serverLineId: null, sold: true });
    expect(view.groups[1]!.subtotals).toEqual([{ currency: "RUB", amountMinor: 2_000_00 }]);
    expect(view.totals).toEqual([{ currency: "RUB", amountMinor: 2_900_00 }]);
    expect(view).toMatchObject({ itemCount: 5, pendingCount: 2 });

    const removed = applyJournal(serverCart, recordSet(journal, A, 0));
    expect(removed.groups.map((g) => g.seller.name)).toEqual(["Volga Electronics"]);
    expect(removed.itemCount).toBe(2);
    expect(applyJournal(serverCart, [])).toMatchObject({ itemCount: 2, totals: serverCart.totals, pendingCount: 0 });
    expect(applyJournal(null, [])).toEqual({ groups: [], itemCount: 0, totals: [], pendingCount: 0 });
  });

  it("counts items for the header badge", () => {
    const base = { [A]: 2, [C]: 1 };
    expect(itemCountOnDevice(base, [])).toBe(3);
    const journal = recordSet(recordSet([], A, 0), B, 4);
    expect(itemCountOnDevice(base, journal)).toBe(5);
    expect(quantityOnDevice(base, journal, A)).toBe(0);
    expect(quantityOnDevice(base, journal, C)).toBe(1);
  });
});

describe("replaying", () => {
  it("is idempotent: replaying the same operations again changes nothing", () => {
    // A model of the server's cart.sync: set each variant to the quantity sent.
    const server = new Map<string, number>([[A, 2]]);
    const replay = (ops: { variantId: string; quantity: number }[]) => {
      for (const op of ops) {
        if (op.quantity === 0) server.delete(op.variantId);
        else server.set(op.variantId, op.quantity);
      }
    };
    let journal = recordAdd([], Object.fromEntries(server), A, 1).journal;
    journal = recordAdd(journal, Object.fromEntries(server), B, 2, headphones).journal;
    const ops = pendingOperations(journal);
    replay(ops);
    replay(ops); // the answer was lost, so the device sent it again
    replay(ops); // and another tab did too
    expect(Object.fromEntries(server)).toEqual({ [A]: 3, [B]: 2 });
    expect(itemCountOnDevice(Object.fromEntries(server), journal)).toBe(5);
  });

  it("drops what the server applied and keeps what changed again meanwhile", () => {
    let journal = recordSet(recordSet([], A, 3), B, 1, headphones);
    const sent = pendingOperations(journal);
    journal = recordSet(journal, B, 2); // clicked while the replay was on its way
    journal = acknowledge(journal, sent);
    expect(journal).toEqual([expect.objectContaining({ variantId: B, quantity: 2, item: headphones })]);
    expect(acknowledge(journal, pendingOperations(journal))).toEqual([]);
  });

  it("reads back only well-formed entries from device storage", () => {
    const stored = JSON.parse(
      JSON.stringify([
        { variantId: A, quantity: 2, at: 1, item: headphones },
        { variantId: "not-a-uuid", quantity: 1 },
        { variantId: B, quantity: 1.5 },
        { variantId: B, quantity: 120 },
        { variantId: C, quantity: 1, item: { product: "x" } },
        { variantId: A, quantity: 4, at: 2 },
        null,
        "junk",
      ]),
    );
    expect(parseJournal(stored)).toEqual([
      { variantId: C, quantity: 1, at: 0, item: null },
      { variantId: A, quantity: 4, at: 2, item: headphones },
    ]);
    expect(parseJournal({ not: "a list" })).toEqual([]);
    expect(parseJournal(null)).toEqual([]);
  });

  it("backs off exponentially, with jitter, up to half a minute", () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, () => 1)).toBe(8_000);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
    expect(retryDelayMs(20, () => 0)).toBe(15_000);
  });
});
