import { describe, expect, it } from "vitest";
import { createProduct, createUser } from "../testing/shop-fixtures.ts";
import { addFavourite, listFavouriteIds, listFavourites, mergeFavourites, removeFavourite } from "./index.ts";

describe("favourites", () => {
  it("adds, lists (newest first) and removes, idempotently", async () => {
    const shopper = await createUser();
    const a = await createProduct();
    const b = await createProduct();
    await addFavourite(shopper.id, { productId: a.id });
    await addFavourite(shopper.id, { productId: b.id });
    await addFavourite(shopper.id, { productId: a.id });
    expect((await listFavourites(shopper.id)).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await listFavouriteIds(shopper.id)).toHaveLength(2);
    await removeFavourite(shopper.id, { productId: a.id });
    await removeFavourite(shopper.id, { productId: a.id });
    expect((await listFavourites(shopper.id)).map((p) => p.id)).toEqual([b.id]);
  });

  it("refuses products that are not sold", async () => {
    const shopper = await createUser();
    const draft = await createProduct({ status: "DRAFT" });
    await expect(addFavourite(shopper.id, { productId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("merges a guest's device list into the account, skipping duplicates and unsold products", async () => {
    const shopper = await createUser();
    const other = await createUser();
    const kept = await createProduct();
    const fromDevice = await createProduct();
    const draft = await createProduct({ status: "DRAFT" });
    await addFavourite(shopper.id, { productId: kept.id });
    const result = await mergeFavourites(shopper.id, { productIds: [fromDevice.id, kept.id, draft.id, fromDevice.id] });
    expect(result).toEqual({ added: 1 });
    expect((await listFavourites(shopper.id)).map((p) => p.id).sort()).toEqual([kept.id, fromDevice.id].sort());
    // Merging again adds nothing; another shopper's list is untouched.
    expect(await mergeFavourites(shopper.id, { productIds: [fromDevice.id] })).toEqual({ added: 0 });
    expect(await listFavourites(other.id)).toEqual([]);
    await expect(mergeFavourites(shopper.id, { productIds: ["not-an-id"] })).rejects.toThrow("Unknown product");
  });
});
