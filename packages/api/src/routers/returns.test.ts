// Cancellation, returns and seller shipping over their procedures: who may call what, and how
// domain refusals reach the client (the domain tests cover the rules themselves).
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { SHIPPED_CONFLICT } from "@market/domain/fulfilment";
import { createOrderLine, createProduct, createSeller, createUser } from "@market/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_returns" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null, app: "storefront" | "seller" = "storefront") =>
  createCaller({ user, requestId: "req-returns", app, guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

/** The fixture's order numbers are lower-case; the shopper-facing schema wants "T-ABC123". */
async function numberOf(orderLineId: string) {
  const { orderId } = await getPrisma().orderLine.findUniqueOrThrow({ where: { id: orderLineId }, select: { orderId: true } });
  const number = `T-${orderId.slice(-12).toUpperCase()}`;
  await getPrisma().order.update({ where: { id: orderId }, data: { number } });
  return number;
}

async function sellerMember(sellerId: string) {
  const user = await createUser("Seller Staff");
  await getPrisma().sellerMember.create({ data: { sellerId, userId: user.id } });
  return as(user.id, "SELLER");
}

describe("cancellation, returns and seller shipping procedures", () => {
  it("ask signed-out callers to sign in, and keep shoppers out of the seller's procedures", async () => {
    const shopper = as((await createUser()).id);
    await expect(api(null).orders.cancel({ number: "M-000000-NOSUCH" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).returns.forOrder({ number: "M-000000-NOSUCH" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(shopper, "seller").sellerOrders.toShip({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper, "seller").returns.sellerList({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper, "seller").sellerOrders.markPacked({ orderPartId: crypto.randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("cancel answers NOT_FOUND for another shopper's order and CONFLICT once shipped", async () => {
    const owner = await createUser();
    const product = await createProduct();
    const line = await createOrderLine({ userId: owner.id, variantId: product.variants[0]!.id, status: "SHIPPED" });
    const number = await numberOf(line.id);
    await expect(api(as((await createUser()).id)).orders.cancel({ number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(as(owner.id)).orders.cancel({ number })).rejects.toMatchObject({ code: "CONFLICT", message: SHIPPED_CONFLICT });
    await expect(api(as(owner.id)).orders.cancel({ number, reason: "x".repeat(501) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a shopper asks for a return and only the parcel's shop decides it", async () => {
    const seller = await createSeller();
    const product = await createProduct({ sellerId: seller.id });
    const owner = await createUser();
    const line = await createOrderLine({ userId: owner.id, variantId: product.variants[0]!.id, status: "DELIVERED" });
    const number = await numberOf(line.id);
    await getPrisma().payment.create({
      data: { orderId: (await getPrisma().orderLine.findUniqueOrThrow({ where: { id: line.id } })).orderId, provider: "SANDBOX", providerPaymentId: `pi_${crypto.randomUUID()}`, idempotencyKey: `order:${line.id}`, amountMinor: 249_000, currency: "RUB", status: "SUCCEEDED" },
    });

    await expect(api(as(owner.id)).returns.request({ orderLineId: line.id, quantity: 1, reason: "ok" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const request = await api(as(owner.id)).returns.request({ orderLineId: line.id, quantity: 1, reason: "Too small" });
    expect(await api(as(owner.id)).returns.forOrder({ number })).toMatchObject({ lines: [{ orderLineId: line.id, returnableQuantity: 0, returns: [{ id: request.id, status: "REQUESTED" }] }] });
    expect((await api(as(owner.id)).returns.mine({})).returns).toHaveLength(1);

    const stranger = await sellerMember((await createSeller()).id);
    await expect(api(stranger, "seller").returns.accept({ id: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const member = await sellerMember(seller.id);
    expect((await api(member, "seller").returns.sellerList({ status: "REQUESTED" })).returns.map((r) => r.id)).toEqual([request.id]);
    expect(await api(member, "seller").returns.accept({ id: request.id })).toMatchObject({ status: "ACCEPTED" });
    expect(await getPrisma().outboxEvent.findFirst({ where: { type: "ReturnRefundRequired", aggregateId: request.id } })).toMatchObject({ requestId: "req-returns" });
  });
});
