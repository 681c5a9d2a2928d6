// Reporting one event to the storefront's warehouse webhook, signed as the contract says.
import http from "node:http";
import https from "node:https";
import { signWarehousePayload, type WarehouseEvent } from "@market/domain/fulfilment/contract";

export type DeliveryOutcome =
  /** 2xx: accepted (a duplicate is accepted too). */
  | { kind: "delivered"; status: number }
  /** 404: the storefront does not know the order; sending it again will not change that. */
  | { kind: "rejected"; status: number; detail: string }
  /** Anything else (5xx, 400, a refused connection, a timeout): try again later. */
  | { kind: "retry"; detail: string; retryAfterMs?: number };

export type RetryPolicy = { baseMs: number; maxMs: number; maxAttempts: number };

/** About an hour and a half of retries before an event is given up on. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 100 };

/**
 * Exponential, capped, with jitter so that many stuck events do not retry in lockstep; at least
 * the receiver's Retry-After, within the same cap.
 */
export function backoffMs(failures: number, policy: RetryPolicy, retryAfterMs = 0): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.min(policy.maxMs, Math.max(retryAfterMs, Math.round(exponential * (0.75 + Math.random() * 0.5))));
}

export async function deliverEvent(
  webhookUrl: string,
  event: WarehouseEvent,
  secret: string,
  { signal, timeoutMs = 10_000 }: { signal: AbortSignal; timeoutMs?: number },
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(event);
  let response: PlainResponse;
  try {
    response = await post(webhookUrl, body, {
      headers: {
        "content-type": "application/json",
        "x-warehouse-signature": signWarehousePayload(body, secret),
        "user-agent": "market-warehouse-simulator",
      },
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (error) {
    return { kind: "retry", detail: error instanceof Error ? `${error.name}: ${error.message}${causeOf(error)}` : String(error) };
  }
  if (response.status >= 200 && response.status < 300) return { kind: "delivered", status: response.status };
  const detail = `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 300)}` : ""}`;
  if (response.status === 404) return { kind: "rejected", status: response.status, detail };
  // The storefront says when to come back while its database is down (503 Retry-After).
  const retryAfterSeconds = Number(response.retryAfter);
  return { kind: "retry", detail, ...(retryAfterSeconds > 0 ? { retryAfterMs: retryAfterSeconds * 1000 } : {}) };
}

type PlainResponse = { status: number; retryAfter: string | undefined; text: string };

// Connections to the storefront are kept open between events (node:http's keep-alive agent):
// the simulator runs beside the shop on the benchmark machine, and fetch spent about twice the
// CPU per request, opening new connections under bursts.
// An idle connection is dropped after 4 s, before Node's server would close it (5 s), so a
// request never goes out on a connection the other side is closing.
const agents = { "http:": new http.Agent({ keepAlive: true, timeout: 4_000 }), "https:": new https.Agent({ keepAlive: true, timeout: 4_000 }) };

function post(url: string, body: string, { headers, signal }: { headers: Record<string, string>; signal: AbortSignal }): Promise<PlainResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, agent: agents[target.protocol as keyof typeof agents], signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const retryAfter = response.headers["retry-after"];
          resolve({ status: response.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}
