import { describe, expect, it } from "vitest";
import { createPickupPoint, createProduct, createWarehouse } from "../testing/shop-fixtures.ts";
import { addDays, estimateDelivery, getPickupPoint, listPickupCities, listPickupPoints } from "./index.ts";

describe("pickup points", () => {
  it("lists open points by city", async () => {
    const a = await createPickupPoint("Omsk", 3);
    await createPickupPoint("Omsk", 3, false);
    await createPickupPoint("Tver", 2);
    expect(await listPickupCities()).toEqual(expect.arrayContaining([{ city: "Omsk", count: 1 }, { city: "Tver", count: 1 }]));
    expect((await listPickupPoints({ city: "Omsk" })).map((p) => p.id)).toEqual([a.id]);
    expect(await getPickupPoint({ pickupPointId: a.id })).toMatchObject({ city: "Omsk", deliveryDays: 3 });
    expect(await getPickupPoint({ pickupPointId: "garbage" })).toBeNull();
  });
});

describe("delivery estimate", () => {
  const now = new Date("2026-03-30T22:30:00Z");

  it("is today + the point's delivery days, one day more when the stock is in another city", async () => {
    const moscow = await createWarehouse("Moscow");
    const kazan = await createWarehouse("Kazan");
    const product = await createProduct({
      warehouseId: moscow.id,
      variants: [
        { size: "S", priceMinor: 100_00, stock: [{ warehouseId: moscow.id, onHand: 2 }, { warehouseId: kazan.id, onHand: 1 }] },
        { size: "M", priceMinor: 100_00, stock: [{ warehouseId: kazan.id, onHand: 5 }, { warehouseId: moscow.id, onHand: 3, reserved: 3 }] },
        { size: "L", priceMinor: 100_00, stock: [{ warehouseId: moscow.id, onHand: 1, reserved: 1 }] },
      ],
    });
    const [s, m, l] = product.variants;
    const point = await createPickupPoint("Moscow", 2);
    const estimate = await estimateDelivery({ pickupPointId: point.id, productId: product.id }, now);
    expect(estimate.pickupPoint).toMatchObject({ id: point.id, city: "Moscow" });
    expect(estimate.variants).toEqual({
      [s!.id]: { date: "2026-04-01", days: 2, fromAnotherCity: false },
      // Its Moscow units are all reserved, so it comes from Kazan.
      [m!.id]: { date: "2026-04-02", days: 3, fromAnotherCity: true },
      [l!.id]: null,
    });
  });

  it("refuses a closed pickup point", async () => {
    const product = await createProduct();
    const closed = await createPickupPoint("Moscow", 1, false);
    await expect(estimateDelivery({ pickupPointId: closed.id, productId: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts calendar days in UTC", () => {
    expect(addDays(new Date("2026-12-31T23:59:00Z"), 1)).toBe("2027-01-01");
  });
});
