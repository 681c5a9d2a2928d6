import { randomBytes, randomUUID } from "node:crypto";
import { getPrisma, Prisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createPickupPoint, createProduct, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import { allocateStock, cancelUnpaidOrder, expireOrder, markOrderPaid, placeOrder, queueDueExpiries, type PlaceOrderInput } from "./index.ts";

const key = () => randomBytes(16).toString("base64url");
const contact = { name: "Anna Petrova", phone: "+7 900 123-45-67", email: "anna@example.com" };

async function cartWith(userId: string, lines: { variantId: string; quantity: number }[]) {
  await getPrisma().cart.create({ data: { userId, lines: { create: lines } } });
}

async function checkoutInput(overrides: Partial<PlaceOrderInput> = {}): Promise<PlaceOrderInput> {
  const point = await createPickupPoint("Moscow", 2);
  return { idempotencyKey: key(), delivery: { method: "PICKUP", pickupPointId: point.id }, contact, ...overrides };
}

const stockOf = (variantId: string) => getPrisma().stock.findMany({ where: { variantId }, select: { warehouseId: true, onHand: true, reserved: true } });
const jobsNamed = (task: string) =>
  getPrisma().$queryRaw<{ key: string | null; run_at: Date }[]>`
    SELECT j.key, j.run_at FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task}`;
const syncJobs = Prisma.sql`graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id AND t.identifier = 'search.sync-products'`;
async function queuedForSearchSync(productId: string): Promise<boolean> {
  const [row] = await getPrisma().$queryRaw<{ queued: boolean }[]>`SELECT EXISTS (SELECT 1 FROM ${syncJobs} WHERE jsonb_exists(j.payload::jsonb, ${productId})) AS queued`;
  return row!.queued;
}
const clearSearchSyncs = () => getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs j USING graphile_worker._private_tasks t WHERE t.id = j.task_id AND t.identifier = 'search.sync-products'`;

describe("allocating stock to warehouses", () => {
  const stock = [
    { variantId: "v", warehouseId: "far-big", city: "Kazan", available: 9 },
    { variantId: "v", warehouseId: "near-small", city: "Moscow", available: 2 },
    { variantId: "v", warehouseId: "near-ok", city: "Moscow", available: 4 },
  ];
  it("prefers one warehouse in the delivery city, then the fullest one, then splits", () => {
    expect(allocateStock([{ variantId: "v", quantity: 3 }], stock, "Moscow").pieces).toEqual([{ variantId: "v", warehouseId: "near-ok", quantity: 3 }]);
    expect(allocateStock([{ variantId: "v", quantity: 5 }], stock, "Moscow").pieces).toEqual([{ variantId: "v", warehouseId: "far-big", quantity: 5 }]);
    expect(allocateStock([{ variantId: "v", quantity: 12 }], stock, "Moscow").pieces).toEqual([
      { variantId: "v", warehouseId: "far-big", quantity: 9 },
      { variantId: "v", warehouseId: "near-ok", quantity: 3 },
    ]);
    expect(allocateStock([{ variantId: "v", quantity: 16 }], stock)).toEqual({ pieces: [], shortages: [{ variantId: "v", requested: 16, available: 15 }] });
  });
});

describe("placing an order", () => {
  it("turns the cart into an order with catalogue prices, one part per seller, and reserves the stock", async () => {
    const user = await createUser();
    const warehouse = await createWarehouse("Moscow");
    const a = await createProduct({ warehouseId: warehouse.id });
    const b = await createProduct({ warehouseId: warehouse.id });
    await cartWith(user.id, [
      { variantId: a.variants[2]!.id, quantity: 2 }, // 249 000 × 2, 7 on hand
      { variantId: b.variants[3]!.id, quantity: 1 }, // 279 000, 3 on hand
    ]);
    const input = await checkoutInput();
    // A client that sends its own prices is ignored: the schema drops unknown keys.
    const placed = await placeOrder(user.id, { ...input, totalMinor: 1, lines: [{ priceMinor: 1 }] } as PlaceOrderInput, { requestId: "req-42" });
    expect(placed).toMatchObject({ created: true, totalMinor: 777_000, currency: "RUB" });
    expect(placed.number).toMatch(/^M-\d{6}-[0-9A-Z]{6}$/);

    const order = await getPrisma().order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { parts: { include: { lines: true } }, reservations: true },
    });
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", subtotalMinor: 777_000, deliveryMinor: 0, totalMinor: 777_000, contactName: "Anna Petrova" });
    expect(order.parts).toHaveLength(2);
    expect(order.parts.map((p) => p.sellerId).sort()).toEqual([a.sellerId, b.sellerId].sort());
    expect(order.parts.every((p) => p.status === "AWAITING_PAYMENT" && p.warehouseId === warehouse.id)).toBe(true);
    expect(order.reservations.map((r) => r.quantity).sort()).toEqual([1, 2]);
    expect(order.reservationExpiresAt!.getTime() - order.createdAt.getTime()).toBeGreaterThan(14 * 60_000);
    expect(await stockOf(a.variants[2]!.id)).toEqual([{ warehouseId: warehouse.id, onHand: 7, reserved: 2 }]);
    expect(await getPrisma().cartLine.count({ where: { cart: { userId: user.id } } })).toBe(0);
    // Recorded with the request that placed it; nothing consumes it, so no delivery job is queued.
    expect(await getPrisma().outboxEvent.findFirst({ where: { aggregateId: placed.orderId } })).toMatchObject({ type: "OrderPlaced", requestId: "req-42", status: "PROCESSED" });
    expect(await jobsNamed("outbox.deliver")).not.toContainEqual(expect.objectContaining({ key: expect.stringContaining((await getPrisma().outboxEvent.findFirstOrThrow({ where: { aggregateId: placed.orderId } })).id) }));
    // Nothing is queued for the expiry: the minute's sweep finds the order if it is still unpaid then.
    expect(await jobsNamed("checkout.expire-order")).not.toContainEqual(expect.objectContaining({ key: `expire-order:${placed.orderId}` }));
  });

  it("charges the courier fee and refuses bad delivery and contact details with field messages", async () => {
    const user = await createUser();
    const product = await createProduct();
    await cartWith(user.id, [{ variantId: product.variants[0]!.id, quantity: 1 }]);
    await expect(placeOrder(user.id, { ...(await checkoutInput()), contact: { ...contact, email: "nope" } })).rejects.toThrow("Enter a valid email address");
    await expect(placeOrder(user.id, await checkoutInput({ delivery: { method: "PICKUP", pickupPointId: randomUUID() } }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That pickup point is closed or no longer exists. Choose another one.",
    });
    const placed = await placeOrder(user.id, await checkoutInput({ delivery: { method: "COURIER", address: { city: "Kazan", street: "Baumana 1" } } }));
    expect(placed.totalMinor).toBe(249_000 + 199_00);
  });

  it("creates one order, one reservation and returns the same order when submitted 10 times at once", async () => {
    const user = await createUser();
    const product = await createProduct();
    await cartWith(user.id, [{ variantId: product.variants[2]!.id, quantity: 3 }]);
    const input = await checkoutInput();
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(user.id, input)));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await getPrisma().order.count({ where: { userId: user.id } })).toBe(1);
    expect(await getPrisma().reservation.count({ where: { orderId: results[0]!.orderId } })).toBe(1);
    expect(await stockOf(product.variants[2]!.id)).toEqual([expect.objectContaining({ onHand: 7, reserved: 3 })]);
    // Later retries with the same key (the cart is empty now) still answer with the order.
    expect(await placeOrder(user.id, input)).toMatchObject({ orderId: results[0]!.orderId, created: false });
  });

  it("reserves nothing when one line cannot be served, and names that line", async () => {
    const user = await createUser();
    const product = await createProduct(); // S Black 4 available, L Black 7
    await cartWith(user.id, [
      { variantId: product.variants[2]!.id, quantity: 2 },
      { variantId: product.variants[0]!.id, quantity: 4 },
    ]);
    await getPrisma().stock.updateMany({ where: { variantId: product.variants[0]!.id }, data: { reserved: 3 } }); // someone else took 2 more
    await expect(placeOrder(user.id, await checkoutInput())).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Out of stock: ${product.title} (S, Black): only 2 left, you asked for 4. Change your cart and try again; nothing was reserved.`,
      details: { fields: { [product.variants[0]!.id]: "Only 2 left" } },
    });
    expect(await stockOf(product.variants[2]!.id)).toEqual([expect.objectContaining({ reserved: 0 })]);
    expect(await getPrisma().order.count({ where: { userId: user.id } })).toBe(0);
    expect(await getPrisma().cartLine.count({ where: { cart: { userId: user.id } } })).toBe(2);
  });

  it("reads again when the stock changes between its read and its write, and names the line that ran short", async () => {
    const prisma = getPrisma();
    const waitUntilSomeoneWaitsForALock = async () => {
      for (let i = 0; i < 250; i++) {
        const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (row!.waiting > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("the placement never waited for the stock row");
    };
    for (const change of ["sold elsewhere", "row removed"] as const) {
      const user = await createUser();
      const product = await createProduct();
      const variantId = product.variants[2]!.id; // L Black, 7 on hand
      await cartWith(user.id, [{ variantId, quantity: 2 }]);
      const input = await checkoutInput();
      let placing: Promise<unknown> = Promise.resolve();
      await prisma.$transaction(async (tx) => {
        // Holding the row makes the placement's write wait, after its read, until this changes it.
        await tx.$queryRaw`SELECT 1 FROM "Stock" WHERE "variantId" = ${variantId}::uuid FOR UPDATE`;
        placing = placeOrder(user.id, input);
        placing.catch(() => undefined);
        await waitUntilSomeoneWaitsForALock();
        if (change === "sold elsewhere") await tx.$executeRaw`UPDATE "Stock" SET reserved = "onHand" - 1 WHERE "variantId" = ${variantId}::uuid`;
        else await tx.$executeRaw`DELETE FROM "Stock" WHERE "variantId" = ${variantId}::uuid`;
      });
      await expect(placing).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining(change === "sold elsewhere" ? "(L, Black): only 1 left, you asked for 2" : "(L, Black) is sold out"),
      });
      expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
      expect(await prisma.reservation.count({ where: { variantId } })).toBe(0);
      expect(await prisma.cartLine.count({ where: { cart: { userId: user.id } } })).toBe(1);
    }
  });

  it("never oversells: 200 shoppers at once for 10 units get 10 orders and 190 clear refusals", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({ variants: [{ size: "M", priceMinor: 99_900, stock: [{ warehouseId: warehouse.id, onHand: 10 }] }] });
    const variantId = product.variants[0]!.id;
    const users = await Promise.all(Array.from({ length: 200 }, () => createUser()));
    for (const user of users) await cartWith(user.id, [{ variantId, quantity: 1 }]);
    const input = await checkoutInput();
    const results = await Promise.allSettled(users.map((user) => placeOrder(user.id, { ...input, idempotencyKey: key() })));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("is sold out") });
    expect(await stockOf(variantId)).toEqual([{ warehouseId: warehouse.id, onHand: 10, reserved: 10 }]);
    expect(await getPrisma().reservation.aggregate({ where: { variantId }, _sum: { quantity: true } })).toEqual({ _sum: { quantity: 10 } });
  }, 120_000);

  it("asks the search index for a product again only when its stock runs out or comes back", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({ variants: [{ size: "M", priceMinor: 99_900, stock: [{ warehouseId: warehouse.id, onHand: 3 }] }] });
    const variantId = product.variants[0]!.id;
    const [first, second] = [await createUser(), await createUser()];
    await clearSearchSyncs();

    await cartWith(first.id, [{ variantId, quantity: 1 }]);
    const paid = await placeOrder(first.id, await checkoutInput());
    expect(await queuedForSearchSync(product.id)).toBe(false);

    await cartWith(second.id, [{ variantId, quantity: 2 }]);
    const unpaid = await placeOrder(second.id, await checkoutInput());
    expect(await stockOf(variantId)).toEqual([{ warehouseId: warehouse.id, onHand: 3, reserved: 3 }]);
    expect(await queuedForSearchSync(product.id)).toBe(true);
    await clearSearchSyncs();

    // A sale takes the units from stock and from the reservation: nothing more or less available.
    await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: paid.orderId, paymentId: randomUUID() }));
    expect(await queuedForSearchSync(product.id)).toBe(false);

    expect(await expireOrder(unpaid.orderId, async () => "not-paid", new Date(unpaid.reservationExpiresAt!.getTime() + 1_000))).toBe("cancelled");
    expect(await stockOf(variantId)).toEqual([{ warehouseId: warehouse.id, onHand: 2, reserved: 0 }]);
    expect(await queuedForSearchSync(product.id)).toBe(true);
  });
});

describe("after the order is placed", () => {
  async function placedOrder() {
    const user = await createUser();
    const product = await createProduct();
    const variantId = product.variants[2]!.id;
    await cartWith(user.id, [{ variantId, quantity: 2 }]);
    const placed = await placeOrder(user.id, await checkoutInput());
    return { ...placed, variantId, productId: product.id };
  }

  it("payment turns the reservation into sold stock and writes OrderPaid once", async () => {
    const order = await placedOrder();
    const paymentId = randomUUID();
    const prisma = getPrisma();
    expect(await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, paymentId }))).toBe("paid");
    expect(await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, paymentId }))).toBe("already-paid");
    expect(await stockOf(order.variantId)).toEqual([expect.objectContaining({ onHand: 5, reserved: 0 })]);
    expect(await prisma.product.findUniqueOrThrow({ where: { id: order.productId }, select: { soldCount: true } })).toEqual({ soldCount: 2 });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { parts: true } })).toMatchObject({
      status: "PAID",
      parts: [expect.objectContaining({ status: "NEW" })],
    });
    expect(await prisma.outboxEvent.count({ where: { aggregateId: order.orderId, type: "OrderPaid" } })).toBe(1);
    // Written inside the paying statement, with its delivery job.
    const paidEvent = await prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: order.orderId, type: "OrderPaid" } });
    expect((await jobsNamed("outbox.deliver")).map((job) => job.key)).toContain(`outbox:${paidEvent.id}`);
    expect(await jobsNamed("checkout.expire-order")).not.toContainEqual(expect.objectContaining({ key: `expire-order:${order.orderId}` }));
    // A cancellation arriving after the payment changes nothing.
    expect(await prisma.$transaction((tx) => cancelUnpaidOrder(tx, { orderId: order.orderId, reason: "late" }))).toBe("not-pending");
  });

  it("expiry releases the stock and cancels the unpaid order, unless the payment went through", async () => {
    const order = await placedOrder();
    const later = new Date(order.reservationExpiresAt!.getTime() + 1_000);
    expect(await expireOrder(order.orderId, async () => "not-paid", new Date(order.reservationExpiresAt!.getTime() - 60_000))).toBe("not-due");
    expect(await expireOrder(order.orderId, async () => "processing", later)).toBe("processing");
    expect(await expireOrder(order.orderId, async () => "not-paid", later)).toBe("cancelled");
    expect(await stockOf(order.variantId)).toEqual([expect.objectContaining({ onHand: 7, reserved: 0 })]);
    expect(await getPrisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: "CANCELLED", cancelReason: expect.stringContaining("did not arrive") });
    expect(await getPrisma().outboxEvent.count({ where: { aggregateId: order.orderId, type: "OrderCancelled" } })).toBe(1);
    // Running again (a retried job) changes nothing; a payment arriving now is not applied.
    expect(await expireOrder(order.orderId, async () => "not-paid", later)).toBe("not-pending");
    expect(await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, paymentId: randomUUID() }))).toBe("not-payable");

    const paid = await placedOrder();
    expect(await expireOrder(paid.orderId, async () => "paid", new Date(paid.reservationExpiresAt!.getTime() + 1_000))).toBe("paid");
    expect(await getPrisma().order.findUniqueOrThrow({ where: { id: paid.orderId } })).toMatchObject({ status: "PENDING_PAYMENT" });
  });

  it("the minute's sweep queues one expiry job per unpaid order whose reservation ended, and none for the others", async () => {
    const [due, notYet, paid] = [await placedOrder(), await placedOrder(), await placedOrder()];
    await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: paid.orderId, paymentId: randomUUID() }));
    const sweepAt = new Date(due.reservationExpiresAt!.getTime() + 1_000);
    await getPrisma().order.update({ where: { id: notYet.orderId }, data: { reservationExpiresAt: new Date(sweepAt.getTime() + 60_000) } });
    await getPrisma().order.update({ where: { id: paid.orderId }, data: { reservationExpiresAt: due.reservationExpiresAt } });

    expect(await queueDueExpiries(sweepAt)).toBeGreaterThanOrEqual(1);
    const keys = (await jobsNamed("checkout.expire-order")).map((job) => job.key);
    expect(keys).toContain(`expire-order:${due.orderId}`);
    expect(keys).not.toContain(`expire-order:${notYet.orderId}`);
    expect(keys).not.toContain(`expire-order:${paid.orderId}`);
    // The next sweep finds the same order: still one job for it.
    await queueDueExpiries(new Date(sweepAt.getTime() + 60_000));
    expect((await jobsNamed("checkout.expire-order")).filter((job) => job.key === `expire-order:${due.orderId}`)).toHaveLength(1);

    expect(await expireOrder(due.orderId, async () => "not-paid", sweepAt)).toBe("cancelled");
    // Once cancelled, the order is no longer swept.
    await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`expire-order:${due.orderId}`}`;
    await queueDueExpiries(new Date(sweepAt.getTime() + 120_000));
    expect((await jobsNamed("checkout.expire-order")).map((job) => job.key)).not.toContain(`expire-order:${due.orderId}`);
  });
});
