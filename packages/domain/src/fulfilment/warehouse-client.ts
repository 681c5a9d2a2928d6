// Our half of the warehouse contract (see warehouse-contract.ts): a signed, keyed POST to the
// warehouse system (or its simulator). The caller decides what an answer means; this only
// reports what happened, and never throws for an HTTP status.
import { warehouseConfig, type WarehouseConfig } from "./config.ts";
import { signWarehousePayload } from "./warehouse-contract.ts";
import { processLogger } from "@market/observability/log";

/** Long enough for a busy warehouse, short enough that a hung one does not hold a worker slot. */
export const WAREHOUSE_REQUEST_TIMEOUT_MS = 10_000;

export type WarehouseAnswer =
  | { kind: "answered"; status: number; body: string }
  /** No HTTP answer at all: refused, reset, timed out, DNS. */
  | { kind: "unreachable"; error: string };

export async function postToWarehouse(
  path: string,
  payload: unknown,
  { idempotencyKey, config = warehouseConfig(), timeoutMs = WAREHOUSE_REQUEST_TIMEOUT_MS }: { idempotencyKey: string; config?: WarehouseConfig; timeoutMs?: number },
): Promise<WarehouseAnswer> {
  // Signed over exactly the bytes sent.
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(`${config.url}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "X-Warehouse-Signature": signWarehousePayload(body, config.secret),
        "Idempotency-Key": idempotencyKey,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { kind: "answered", status: response.status, body: await response.text().catch(() => "") };
  } catch (error) {
    const cause = error instanceof Error && error.cause ? error.cause : error;
    return { kind: "unreachable", error: cause instanceof Error ? cause.message || cause.name : String(cause) };
  }
}

/** A short description of a failed answer, for Shipment.lastError and the job's error. */
export function describeFailure(answer: WarehouseAnswer): string {
  if (answer.kind === "unreachable") return `warehouse unreachable: ${answer.error}`.slice(0, 500);
  let detail = answer.body.trim();
  try {
    const parsed = JSON.parse(detail) as { error?: unknown };
    if (typeof parsed?.error === "string") detail = parsed.error;
  } catch {
    // Not JSON: keep the text.
  }
  return `HTTP ${answer.status}${detail ? `: ${detail}` : ""}`.slice(0, 500);
}

export function logFulfilment(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown>): void {
  processLogger()[level](fields, msg);
}
