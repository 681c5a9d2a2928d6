// The seller's order actions, shared by the portal ({ userId }) and the Seller API ({ sellerId }):
// confirm (new -> confirmed) and the own-warehouse shipping steps through the state machine.
import { getPrisma, WarehouseKind } from "@market/db";
import { describe, expect, it } from "vitest";
import { createPaidOrder, createUnpaidOrder } from "../fulfilment/testing/index.ts";
import { createUser } from "../testing/shop-fixtures.ts";
import { confirmOrderPart, deliverOrderPart, packOrderPart, shipOrderPart } from "./actions.ts";

const prisma = () => getPrisma();

async function memberOf(sellerId: string) {
  const user = await createUser("Shop Staff");
  await prisma().user.update({ where: { id: user.id }, data: { role: "SELLER" } });
  await prisma().sellerMember.create({ data: { sellerId, userId: user.id } });
  return user;
}

const partState = (id: string) => prisma().orderPart.findUniqueOrThrow({ where: { id }, select: { sellerStatus: true, status: true, trackingNumber: true } });

describe("confirmOrderPart", () => {
  it("moves new -> confirmed for the key's shop and for a member, and again changes nothing", async () => {
    const order = await createPaidOrder({ parts: [{}, {}] });
    const [a, b] = order.parts;
    expect(await confirmOrderPart({ sellerId: a!.sellerId }, { orderPartId: a!.id })).toMatchObject({ id: a!.id, sellerStatus: "CONFIRMED", status: "NEW" });
    expect(await confirmOrderPart({ sellerId: a!.sellerId }, { orderPartId: a!.id })).toMatchObject({ sellerStatus: "CONFIRMED" });

    const member = await memberOf(b!.sellerId);
    expect(await confirmOrderPart({ userId: member.id }, { orderPartId: b!.id })).toMatchObject({ sellerStatus: "CONFIRMED" });
    // The same user narrowed to another shop (the portal's ?shop=) does not see the part.
    await expect(confirmOrderPart({ userId: member.id, sellerId: a!.sellerId }, { orderPartId: b!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses another shop's part exactly like a missing one, and leaves it new", async () => {
    const order = await createPaidOrder({ parts: [{}, {}] });
    const [a, b] = order.parts;
    const member = await memberOf(a!.sellerId);
    await expect(confirmOrderPart({ sellerId: a!.sellerId }, { orderPartId: b!.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "We could not find this order in your shops." });
    await expect(confirmOrderPart({ userId: member.id }, { orderPartId: b!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(confirmOrderPart({ sellerId: a!.sellerId }, { orderPartId: "0190a000-0000-7000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await partState(b!.id)).toMatchObject({ sellerStatus: "NEW" });
  });

  it("does not show unpaid orders, and refuses a cancelled part", async () => {
    const unpaid = await createUnpaidOrder();
    await expect(confirmOrderPart({ sellerId: unpaid.parts[0]!.sellerId }, { orderPartId: unpaid.parts[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await prisma().orderPart.update({ where: { id: part.id }, data: { status: "CANCELLED", sellerStatus: "CANCELLED" } });
    await expect(confirmOrderPart({ sellerId: part.sellerId }, { orderPartId: part.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This order was cancelled, so there is nothing to confirm." });
  });

  it("validates the id", async () => {
    await expect(confirmOrderPart({ sellerId: "0190a000-0000-7000-8000-000000000000" }, { orderPartId: "nope" })).rejects.toThrow("Unknown order");
  });
});

describe("shipping steps from the shop's own warehouse", () => {
  it("packs, ships with a tracking number and delivers through the state machine (complete at the end)", async () => {
    const order = await createPaidOrder({ parts: [{ kind: WarehouseKind.SELLER }], deliveryMethod: "COURIER" });
    const part = order.parts[0]!;
    const access = { sellerId: part.sellerId };
    await expect(deliverOrderPart(access, { orderPartId: part.id })).rejects.toMatchObject({ code: "CONFLICT", message: "Mark the parcel shipped before marking it delivered." });
    expect(await packOrderPart(access, { orderPartId: part.id })).toMatchObject({ status: "PACKED", sellerStatus: "CONFIRMED" });
    await expect(packOrderPart(access, { orderPartId: part.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This parcel has already been packed." });
    await expect(shipOrderPart(access, { orderPartId: part.id, trackingNumber: "x" })).rejects.toThrow("Enter the tracking number");
    expect(await shipOrderPart(access, { orderPartId: part.id, trackingNumber: "RB123456789RU" })).toMatchObject({ status: "SHIPPED", trackingNumber: "RB123456789RU" });
    expect(await deliverOrderPart(access, { orderPartId: part.id })).toMatchObject({ status: "DELIVERED", sellerStatus: "COMPLETE" });

    const events = await prisma().fulfilmentEvent.findMany({ where: { orderPartId: part.id, applied: true }, orderBy: { receivedAt: "asc" }, select: { status: true, source: true } });
    expect(events).toEqual([
      { status: "PACKED", source: "SELLER" },
      { status: "SHIPPED", source: "SELLER" },
      { status: "DELIVERED", source: "SELLER" },
    ]);
    const outbox = await prisma().outboxEvent.count({ where: { aggregateId: order.orderId, type: "OrderPartStatusChanged" } });
    expect(outbox).toBe(3);
  });

  it("refuses parts the marketplace's warehouse ships, and other shops' parts, changing nothing", async () => {
    const order = await createPaidOrder({ parts: [{ kind: WarehouseKind.MARKETPLACE }, { kind: WarehouseKind.SELLER }] });
    const [market, own] = order.parts;
    await expect(packOrderPart({ sellerId: market!.sellerId }, { orderPartId: market!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This order ships from the marketplace's warehouse, which reports its progress itself.",
    });
    await expect(packOrderPart({ sellerId: market!.sellerId }, { orderPartId: own!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await memberOf(market!.sellerId);
    await expect(shipOrderPart({ userId: stranger.id }, { orderPartId: own!.id, trackingNumber: "RB1" + "23" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await partState(own!.id)).toEqual({ sellerStatus: "NEW", status: "NEW", trackingNumber: null });
    expect(await partState(market!.id)).toEqual({ sellerStatus: "NEW", status: "NEW", trackingNumber: null });
  });

  it("lets a member of the shop act from the portal", async () => {
    const order = await createPaidOrder({ parts: [{ kind: WarehouseKind.SELLER }] });
    const part = order.parts[0]!;
    const member = await memberOf(part.sellerId);
    expect(await packOrderPart({ userId: member.id, sellerId: part.sellerId }, { orderPartId: part.id })).toMatchObject({ status: "PACKED" });
  });
});
