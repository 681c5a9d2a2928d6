import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createProduct, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import { addToCart, getCart, getCartSummary, isGuestCartToken, mergeGuestCart, newGuestCartToken } from "./index.ts";

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
    expect(await getCartSummary({ guestToken })).toEqual({ itemCount: 0 });
    expect(await addToCart({ guestToken }, { variantId: l.id, quantity: 2 })).toEqual({ variantId: l.id, quantity: 2, itemCount: 2 });
    expect(await addToCart({ guestToken }, { variantId: l.id })).toMatchObject({ quantity: 3, itemCount: 3 });
    await addToCart({ guestToken }, { variantId: product.variants[0]!.id });
    expect(await getCartSummary({ guestToken })).toEqual({ itemCount: 4 });
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
    expect(await getCartSummary(owner)).toEqual({ itemCount: 0 });
  });

  it("keeps quantities whole, within 1..99 and within what is available", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({ variants: [{ size: "S", priceMinor: 500_00, stock: [{ warehouseId: warehouse.id, onHand: 500 }] }] });
    const small = await createProduct();
    const owner = { guestToken: newGuestCartToken() };
    const variantId = product.variants[0]!.id;
    for (const quantity of [0, -1, 1.5, 100]) {
      await expect(addToCart(owner, { variantId, quantity })).rejects.toThrow();
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
    expect(await getCartSummary(owner)).toEqual({ itemCount: 2 });
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
    expect(await getCartSummary({ userId: user.id })).toEqual({ itemCount: 4 });
    expect(await getPrisma().cart.count({ where: { guestToken } })).toBe(0);
    expect(await mergeGuestCart({ userId: user.id, guestToken })).toEqual({ moved: 0 });
  });
});
