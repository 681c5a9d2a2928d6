// The simulator's HTTP API: the warehouse half of the contract (signed pick and cancel
// requests), plus an unsigned control API for tests and demos that is off in production unless
// WAREHOUSE_SIMULATOR_CONTROL=1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pickRequestSchema, verifyWarehouseSignature, WAREHOUSE_SIGNATURE_HEADER, WarehouseSignatureError } from "@market/domain/fulfilment/contract";
import { z } from "zod";
import { defaultRetryPolicy, type RetryPolicy } from "./delivery.ts";
import { jsonLog, type Log } from "./log.ts";
import { loadState } from "./state.ts";
import { StateStore } from "./state-store.ts";
import { Warehouse } from "./warehouse.ts";

export type SimulatorOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  stateFile: string;
  /** Verifies pick requests and signs the reports (warehouseConfig().secret). */
  secret: string;
  /** Where the reports go (warehouseConfig().webhookUrl). */
  webhookUrl: string;
  stepMs: number;
  controlEnabled: boolean;
  retry?: Partial<RetryPolicy>;
  log?: Log;
};

export type RunningSimulator = {
  url: string;
  port: number;
  warehouse: Warehouse;
  /** Stops accepting requests, stops the timers, writes the state, closes the server. */
  stop(): Promise<void>;
};

const MAX_BODY_BYTES = 1024 * 1024;

const controlSchema = z.strictObject({
  refuse: z.boolean().optional(),
  duplicates: z.boolean().optional(),
  outOfOrder: z.boolean().optional(),
  stepMs: z.number().int().min(0).max(3_600_000).optional(),
});

const idempotencyKeySchema = z.string().trim().min(1).max(255);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const log = options.log ?? jsonLog;
  const state = await loadState(options.stateFile);
  const store = new StateStore(options.stateFile, () => state);
  const warehouse = new Warehouse(state, {
    save: (changes) => store.save(changes),
    secret: options.secret,
    webhookUrl: options.webhookUrl,
    stepMs: options.stepMs,
    retry: { ...defaultRetryPolicy, ...options.retry },
    log,
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) return send(response, error.status, { error: error.message });
      log("error", "request failed", { method: request.method, url: request.url, error: error instanceof Error ? error.stack : String(error) });
      send(response, 500, { error: "The warehouse simulator failed to handle the request; see its log." });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://warehouse-simulator");
    const route = url.pathname.replace(/\/+$/, "") || "/";
    const method = request.method ?? "GET";

    if (route === "/health") {
      allow(method, ["GET", "HEAD"]);
      return send(response, 200, { status: "ok", service: "warehouse-simulator", tasks: warehouse.counts().tasks });
    }
    if (route === "/pick-requests") {
      allow(method, ["POST"]);
      return pickRequest(request, response);
    }
    const cancel = /^\/pick-requests\/([^/]+)\/cancel$/.exec(route);
    if (cancel) {
      allow(method, ["POST"]);
      return cancelRequest(request, response, decodePathSegment(cancel[1]!));
    }
    if (options.controlEnabled && route === "/control") {
      allow(method, ["GET", "POST"]);
      if (method === "POST") {
        const parsed = controlSchema.safeParse(parseJson(await readBody(request)));
        if (!parsed.success) throw new HttpError(400, describe(parsed.error));
        warehouse.setMode(parsed.data);
      }
      return send(response, 200, { mode: warehouse.mode, counts: warehouse.counts() });
    }
    if (options.controlEnabled && route === "/pick-tasks") {
      allow(method, ["GET"]);
      return send(response, 200, { tasks: warehouse.tasks({ orderId: url.searchParams.get("orderId") ?? undefined }) });
    }
    throw new HttpError(404, "Not found.");
  }

  /** The warehouse's checks, in the order a real one would make them. */
  async function signedRequest(request: IncomingMessage): Promise<{ rawBody: string; idempotencyKey: string }> {
    if (warehouse.mode.refuse) {
      warehouse.refusedRequests += 1;
      throw new HttpError(503, "The warehouse is not accepting requests right now (simulated outage). Try again later.");
    }
    const rawBody = await readBody(request);
    try {
      verifyWarehouseSignature(rawBody, request.headers[WAREHOUSE_SIGNATURE_HEADER] as string | undefined, options.secret);
    } catch (error) {
      if (error instanceof WarehouseSignatureError) {
        log("warn", "request with a bad signature refused", { url: request.url, reason: error.message });
        throw new HttpError(400, error.message);
      }
      throw error;
    }
    const key = idempotencyKeySchema.safeParse(request.headers["idempotency-key"]);
    if (!key.success) throw new HttpError(400, "The Idempotency-Key header is required (1 to 255 characters).");
    return { rawBody, idempotencyKey: key.data };
  }

  async function pickRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { rawBody, idempotencyKey } = await signedRequest(request);
    const parsed = pickRequestSchema.safeParse(parseJson(rawBody));
    if (!parsed.success) {
      log("warn", "invalid pick request refused", { idempotencyKey, problems: describe(parsed.error) });
      throw new HttpError(400, `Invalid pick request: ${describe(parsed.error)}`);
    }
    const result = warehouse.submit(idempotencyKey, parsed.data);
    if (result.kind === "conflict") {
      throw new HttpError(409, `This Idempotency-Key was already used for order ${result.task.orderId}; a new order needs a new key.`);
    }
    await result.saved;
    if (result.kind === "duplicate") return send(response, 200, { pickTaskId: result.task.pickTaskId, duplicate: true });
    return send(response, 201, { pickTaskId: result.task.pickTaskId });
  }

  async function cancelRequest(request: IncomingMessage, response: ServerResponse, orderId: string): Promise<void> {
    const { idempotencyKey } = await signedRequest(request);
    const result = warehouse.cancel(orderId, idempotencyKey);
    await result.saved;
    return send(response, result.status, result.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  warehouse.resume();
  log("info", "warehouse simulator listening", { url, webhookUrl: options.webhookUrl, stepMs: options.stepMs, stateFile: options.stateFile, control: options.controlEnabled, ...warehouse.counts() });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await warehouse.stop();
      // The whole state: it also folds the journal in, so the next start reads one file.
      await store.save();
      // Requests still in flight get a moment to finish, then their connections are cut.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (grace = setTimeout(resolve, 2_000)))]);
      clearTimeout(grace);
      server.closeAllConnections();
      await closed;
      log("info", "warehouse simulator stopped", warehouse.counts());
    })();
    return stopped;
  };
  return { url, port, warehouse, stop };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "The order id in the path is not valid URL encoding.");
  }
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw new HttpError(405, `Use ${methods.join(" or ")} here.`);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...(status === 503 ? { "retry-after": "1" } : {}),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "The request body is larger than 1 MB.");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
