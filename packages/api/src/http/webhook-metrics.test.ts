// Refused webhooks are counted by source and reason (market_webhook_rejections_total), which is
// what an alert on forged or broken calls watches. Refusals happen before any database access.
import { signWarehousePayload, warehouseConfig } from "@market/domain/fulfilment";
import { metrics } from "@market/observability/metrics";
import { describe, expect, it } from "vitest";
import { createStripeWebhookHandler } from "./stripe-webhook.ts";
import { createWarehouseWebhookHandler } from "./warehouse-webhook.ts";

async function rejections(source: string, reason: string): Promise<number> {
  const { values } = await metrics().webhookRejections.get();
  return values.find((v) => v.labels.source === source && v.labels.reason === reason)?.value ?? 0;
}

const quiet = () => undefined;

describe("webhook rejection metrics", () => {
  it("counts a forged Stripe signature", async () => {
    const before = await rejections("stripe", "signature");
    const handle = createStripeWebhookHandler({ log: quiet });
    const response = await handle(new Request("http://x/api/webhooks/stripe", { method: "POST", body: "{}", headers: { "stripe-signature": "t=1,v1=00" } }));
    expect(response.status).toBe(400);
    expect(await rejections("stripe", "signature")).toBe(before + 1);
  });

  it("counts a forged warehouse signature and a signed but invalid payload apart", async () => {
    const handle = createWarehouseWebhookHandler({ log: quiet });
    const signatureBefore = await rejections("warehouse", "signature");
    const payloadBefore = await rejections("warehouse", "payload");

    const forged = await handle(new Request("http://x/api/webhooks/warehouse", { method: "POST", body: "{}", headers: { "x-warehouse-signature": "t=1,v1=00" } }));
    expect(forged.status).toBe(400);

    const body = JSON.stringify({ eventId: "e1", orderId: "o1", status: "TELEPORTED", occurredAt: new Date().toISOString() });
    const invalid = await handle(
      new Request("http://x/api/webhooks/warehouse", { method: "POST", body, headers: { "x-warehouse-signature": signWarehousePayload(body, warehouseConfig().secret) } }),
    );
    expect(invalid.status).toBe(400);

    expect(await rejections("warehouse", "signature")).toBe(signatureBefore + 1);
    expect(await rejections("warehouse", "payload")).toBe(payloadBefore + 1);
  });
});
