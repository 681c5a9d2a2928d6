import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createProduct, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import {
  addToCart,
  clearUnavailableLines,
  getCart,
  getCartSummary,
  isGuestCartToken,
  mergeGuestCart,
  newGuestCartToken,
  removeCartLine,
  setCartLineQuantity,
  syncCart,
  type CartOwner,
} from "./index.ts";

describe("guest cart tokens", () => {
  it("are 32 random bytes in base64url", () => {
    const token = newGuestCartToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newGuestCartToken()).not.toBe(token);
    expect(isGuestCartToken("short")).toBe(false);
    expect(isGuestCartToken(`${"a".repeat(42)}=`)).toBe(false);
  });
});

describe("adding to the cart", () => {
  it("creates a guest cart, records the catalogue price and adds up quantities", async () => {
    const product = await createProduct();
    const l = product.variants[2]!; // L Black: 7 available
    const guestToken = newGuestCartToken();
    expect(await getCartSummary({ guestToken })).toEqual({ itemCount: 0, lines: [] });
    expect(await addToCart({ guestToken }, { variantId: l.id, quantity: 2 })).toEqual({ variantId: l.id, quantity: 2, itemCount: 2 });
    expect(await addToCart({ guestToken }, { variantId: l.id })).toMatchObject({ quantity: 3, itemCount: 3 });
    await addToCart({ guestToken }, { variantId: product.variants[0]!.id });
    expect(await getCartSummary({ guestToken })).toEqual({
      itemCount: 4,
      lines: [
        { variantId: l.id, quantity: 3 },
        { variantId: product.variants[0]!.id, quantity: 1 },
      ],
    });
    const line = await getPrisma().cartLine.findFirstOrThrow({ where: { variantId: l.id } });
    expect(line).toMatchObject({ quantity: 3, priceSeenMinor: 249_000 });
  });

  it("refuses sold-out, switched-off and unpublished variants with a clear message", async () => {
    const product = await createProduct();
    const draft = await createProduct({ status: "DRAFT" });
    const owner = { guestToken: newGuestCartToken() };
    await expect(addToCart(owner, { variantId: product.variants[1]!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This item is sold out. Choose another size or colour.",
    });
    await expect(addToCart(owner, { variantId: draft.variants[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This item is no longer sold, so it cannot be added to the cart.",
    });
    await getPrisma().productVariant.update({ where: { id: product.variants[0]!.id }, data: { isActive: false } });
    await expect(addToCart(owner, { variantId: product.variants[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getCartSummary(owner)).toMatchObject({ itemCount: 0 });
  });

  it("keeps quantities whole, within 1..99 and within what is available", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({ variants: [{ size: "S", priceMinor: 500_00, stock: [{ warehouseId: warehouse.id, onHand: 500 }] }] });
    const small = await createProduct();
    const owner = { guestToken: newGuestCartToken() };
    const variantId = product.variants[0]!.id;
    for (const quantity of [0, -1, 1.5, "1", 10 ** 9, 100, null]) {
      await expect(addToCart(owner, { variantId, quantity: quantity as number })).rejects.toThrow();
    }
    await addToCart(owner, { variantId, quantity: 90 });
    await expect(addToCart(owner, { variantId, quantity: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You can have at most 99 of one item in the cart; it already holds 90.",
      details: { fields: { quantity: "At most 9 more" } },
    });
    // S Black: 5 on hand, 1 reserved.
    await expect(addToCart(owner, { variantId: small.variants[0]!.id, quantity: 5 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only 4 left. Choose a smaller quantity.",
    });
  });

  it("does not oversell when two adds race", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({ variants: [{ size: "S", priceMinor: 500_00, stock: [{ warehouseId: warehouse.id, onHand: 3 }] }] });
    const owner = { guestToken: newGuestCartToken() };
    const variantId = product.variants[0]!.id;
    const results = await Promise.allSettled([addToCart(owner, { variantId, quantity: 2 }), addToCart(owner, { variantId, quantity: 2 })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getCartSummary(owner)).toMatchObject({ itemCount: 2 });
  });

  it("shows the cart grouped by seller with today's prices and totals", async () => {
    const user = await createUser();
    const a = await createProduct();
    const b = await createProduct();
    const owner = { userId: user.id };
    await addToCart(owner, { variantId: a.variants[0]!.id, quantity: 2 });
    await addToCart(owner, { variantId: b.variants[3]!.id });
    await getPrisma().productVariant.update({ where: { id: b.variants[3]!.id }, data: { priceMinor: 269_000 } });
    const cart = await getCart(owner);
    expect(cart.itemCount).toBe(3);
    expect(cart.groups).toHaveLength(2);
    expect(cart.groups[0]!.lines[0]).toMatchObject({ quantity: 2, unitPriceMinor: 249_000, lineTotalMinor: 498_000, priceSeenMinor: null, sold: true });
    expect(cart.groups[1]!.lines[0]).toMatchObject({ unitPriceMinor: 269_000, priceSeenMinor: 279_000, size: "S", color: "White" });
    expect(cart.totals).toEqual([{ currency: "RUB", amountMinor: 498_000 + 269_000 }]);
    expect(await getCart(null)).toEqual({ groups: [], itemCount: 0, totals: [] });
  });
});

describe("signing in with a guest cart", () => {
  it("moves the guest's lines into the account's cart and deletes the guest cart", async () => {
    const user = await createUser();
    const product = await createProduct();
    const guestToken = newGuestCartToken();
    await addToCart({ userId: user.id }, { variantId: product.variants[2]!.id, quantity: 1 });
    await addToCart({ guestToken }, { variantId: product.variants[2]!.id, quantity: 2 });
    await addToCart({ guestToken }, { variantId: product.variants[0]!.id, quantity: 1 });
    expect(await mergeGuestCart({ userId: user.id, guestToken })).toEqual({ moved: 2 });
    expect(await getCartSummary({ userId: user.id })).toMatchObject({ itemCount: 4 });
    expect(await getPrisma().cart.count({ where: { guestToken } })).toBe(0);
    expect(await mergeGuestCart({ userId: user.id, guestToken })).toEqual({ moved: 0 });
  });
});

/** The owner's line of the variant (there is at most one per variant). */
async function lineOf(owner: CartOwner, variantId: string) {
  const cart = await getCart(owner);
  return cart.groups.flatMap((g) => g.lines).find((line) => line.variantId === variantId);
}

describe("changing a line's quantity", () => {
  it("sets whole quantities 1..99 within what is available, and 0 removes the line", async () => {
    const product = await createProduct();
    const l = product.variants[2]!; // L Black: 7 available
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(owner, { variantId: l.id, quantity: 2 });
    const line = (await lineOf(owner, l.id))!;

    const cart = await setCartLineQuantity(owner, { lineId: line.id, quantity: 5 });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ id: line.id, quantity: 5, lineTotalMinor: 5 * 249_000 });
    expect(cart.totals).toEqual([{ currency: "RUB", amountMinor: 5 * 249_000 }]);

    for (const quantity of [-1, 1.5, "1", 10 ** 9, 100, null, undefined]) {
      await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: quantity as number })).rejects.toThrow();
    }
    await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: 8 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only 7 left. Choose a smaller quantity.",
      details: { fields: { quantity: "At most 7" } },
    });
    expect((await lineOf(owner, l.id))!.quantity).toBe(5);

    const emptied = await setCartLineQuantity(owner, { lineId: line.id, quantity: 0 });
    expect(emptied).toEqual({ groups: [], itemCount: 0, totals: [] });
    await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets a line above today's stock come down, but not go up", async () => {
    const product = await createProduct();
    const l = product.variants[2]!;
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(owner, { variantId: l.id, quantity: 6 });
    const line = (await lineOf(owner, l.id))!;
    await getPrisma().stock.updateMany({ where: { variantId: l.id }, data: { onHand: 3 } });

    const cart = await setCartLineQuantity(owner, { lineId: line.id, quantity: 5 });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ quantity: 5, available: 3 });
    await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: 6 })).rejects.toMatchObject({ code: "CONFLICT", message: "Only 3 left. Choose a smaller quantity." });

    await getPrisma().stock.updateMany({ where: { variantId: l.id }, data: { onHand: 0 } });
    await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: 6 })).rejects.toMatchObject({ message: "This item is sold out, so you cannot add more of it." });
    await getPrisma().productVariant.update({ where: { id: l.id }, data: { isActive: false } });
    await expect(setCartLineQuantity(owner, { lineId: line.id, quantity: 6 })).rejects.toMatchObject({ message: "This item is no longer sold, so you cannot add more of it." });
    expect((await setCartLineQuantity(owner, { lineId: line.id, quantity: 1 })).itemCount).toBe(1);
  });

  it("only touches the owner's cart: another shopper's line id is not found", async () => {
    const product = await createProduct();
    const alice = { userId: (await createUser("Alice")).id };
    const bob = { userId: (await createUser("Bob")).id };
    const guest = { guestToken: newGuestCartToken() };
    await addToCart(alice, { variantId: product.variants[2]!.id, quantity: 2 });
    await addToCart(bob, { variantId: product.variants[0]!.id, quantity: 1 });
    const alicesLine = (await lineOf(alice, product.variants[2]!.id))!;

    for (const stranger of [bob, guest, null]) {
      await expect(setCartLineQuantity(stranger, { lineId: alicesLine.id, quantity: 1 })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "This item is no longer in your cart. Reload the page to see your cart as it is now.",
      });
      await expect(removeCartLine(stranger, { lineId: alicesLine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(setCartLineQuantity(alice, { lineId: "not-a-uuid", quantity: 1 })).rejects.toThrow();
    expect((await lineOf(alice, product.variants[2]!.id))!.quantity).toBe(2);
    expect(await getCartSummary(bob)).toMatchObject({ itemCount: 1 });
  });
});

describe("removing lines", () => {
  it("removes one line, once", async () => {
    const product = await createProduct();
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(owner, { variantId: product.variants[0]!.id });
    await addToCart(owner, { variantId: product.variants[2]!.id, quantity: 2 });
    const line = (await lineOf(owner, product.variants[0]!.id))!;
    const cart = await removeCartLine(owner, { lineId: line.id });
    expect(cart.itemCount).toBe(2);
    expect(cart.groups[0]!.lines.map((l) => l.variantId)).toEqual([product.variants[2]!.id]);
    await expect(removeCartLine(owner, { lineId: line.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("clears the lines that cannot be bought today and keeps the rest", async () => {
    const product = await createProduct();
    const draft = await createProduct();
    const switchedOff = await createProduct();
    const owner = { userId: (await createUser()).id };
    const prisma = getPrisma();
    const cart = await prisma.cart.create({ data: owner });
    const line = (variantId: string, quantity: number) => prisma.cartLine.create({ data: { cartId: cart.id, variantId, quantity, priceSeenMinor: 249_000 } });
    await line(product.variants[2]!.id, 1); // in stock
    await line(product.variants[1]!.id, 1); // M Black: sold out
    await line(product.variants[3]!.id, 5); // S White: only 3 left, stays
    await line(draft.variants[0]!.id, 1);
    await line(switchedOff.variants[0]!.id, 1);
    await prisma.product.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    await prisma.productVariant.update({ where: { id: switchedOff.variants[0]!.id }, data: { isActive: false } });

    const before = await getCart(owner);
    expect(before.itemCount).toBe(9);
    // Totals count only what can be bought today.
    expect(before.totals).toEqual([{ currency: "RUB", amountMinor: 249_000 + 5 * 279_000 }]);

    const after = await clearUnavailableLines(owner);
    expect(after.groups.flatMap((g) => g.lines).map((l) => [l.variantId, l.quantity, l.available])).toEqual([
      [product.variants[2]!.id, 1, 7],
      [product.variants[3]!.id, 5, 3],
    ]);
    expect(await clearUnavailableLines(owner)).toEqual(after);
    expect(await clearUnavailableLines(null)).toEqual({ groups: [], itemCount: 0, totals: [] });
  });
});

describe("replaying changes made on a device while the database was down", () => {
  it("sets quantities per variant, the same cart however often the batch arrives", async () => {
    const product = await createProduct();
    const [s, , l, white] = product.variants;
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(owner, { variantId: s!.id, quantity: 2 });
    const batch = {
      operations: [
        { variantId: l!.id, quantity: 3 },
        { variantId: s!.id, quantity: 0 },
        { variantId: white!.id, quantity: 1 },
        { variantId: l!.id, quantity: 2 }, // later word for the same variant wins
      ],
    };
    const first = await syncCart(owner, batch);
    expect(first.results).toEqual([
      { variantId: s!.id, quantity: 0, outcome: "applied" },
      { variantId: white!.id, quantity: 1, outcome: "applied" },
      { variantId: l!.id, quantity: 2, outcome: "applied" },
    ]);
    expect(first.cart.groups[0]!.lines.map((line) => [line.variantId, line.quantity])).toEqual([
      [white!.id, 1],
      [l!.id, 2],
    ]);
    const again = await syncCart(owner, batch);
    expect(again).toEqual(first);
    expect(await getCartSummary(owner)).toMatchObject({ itemCount: 3 });
  });

  it("creates the cart on first use, keeps what the shopper saw when stock dropped, and takes no price from the device", async () => {
    const product = await createProduct();
    const white = product.variants[3]!; // 3 available at 279 000
    const owner = { userId: (await createUser()).id };
    const { cart } = await syncCart(owner, {
      operations: [{ variantId: white.id, quantity: 5, priceMinor: 1, unitPriceMinor: 1, totalMinor: 1 } as { variantId: string; quantity: number }],
    });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ quantity: 5, available: 3, unitPriceMinor: 279_000, lineTotalMinor: 5 * 279_000, priceSeenMinor: null });
    expect(cart.totals).toEqual([{ currency: "RUB", amountMinor: 5 * 279_000 }]);
    // Removing what is not there is already done.
    expect((await syncCart({ guestToken: newGuestCartToken() }, { operations: [{ variantId: white.id, quantity: 0 }] })).results).toEqual([
      { variantId: white.id, quantity: 0, outcome: "applied" },
    ]);
  });

  it("does not add items that are no longer sold or do not exist, but keeps changes to lines already in the cart", async () => {
    const kept = await createProduct();
    const draft = await createProduct({ status: "DRAFT" });
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(owner, { variantId: kept.variants[2]!.id });
    await getPrisma().product.update({ where: { id: kept.id }, data: { status: "ARCHIVED" } });
    const unknown = "0195f1a2-0000-7000-8000-000000000000";
    const { results, cart } = await syncCart(owner, {
      operations: [
        { variantId: kept.variants[2]!.id, quantity: 2 },
        { variantId: draft.variants[0]!.id, quantity: 1 },
        { variantId: unknown, quantity: 1 },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(["applied", "notSold", "notFound"]);
    expect(cart.groups.flatMap((g) => g.lines).map((l) => [l.variantId, l.quantity, l.sold])).toEqual([[kept.variants[2]!.id, 2, false]]);
  });

  it("refuses malformed batches and touches only the owner's cart", async () => {
    const product = await createProduct();
    const variantId = product.variants[2]!.id;
    const alice = { userId: (await createUser("Alice")).id };
    const bob = { userId: (await createUser("Bob")).id };
    await addToCart(alice, { variantId, quantity: 4 });
    for (const quantity of [-1, 1.5, "1", 10 ** 9, 100, null]) {
      await expect(syncCart(bob, { operations: [{ variantId, quantity: quantity as number }] })).rejects.toThrow();
    }
    await expect(syncCart(bob, { operations: [] })).rejects.toThrow();
    await expect(syncCart(bob, { operations: Array.from({ length: 101 }, () => ({ variantId, quantity: 1 })) })).rejects.toThrow();
    await expect(syncCart(bob, { operations: [{ variantId: "nope", quantity: 1 }] })).rejects.toThrow();
    await syncCart(bob, { operations: [{ variantId, quantity: 1 }] });
    expect(await getCartSummary(alice)).toMatchObject({ itemCount: 4 });
    expect(await getCartSummary(bob)).toMatchObject({ itemCount: 1 });
  });
});
