// Prisma's schema engine (the part of Prisma Migrate that applies and diffs schemas), compiled to
// WebAssembly, driven through the pg driver adapter. This replaces the native `schema-engine`
// binary that `prisma migrate` downloads from Prisma's servers, which this project cannot reach.
//
// It is the same engine code as the native binary (same version, 7.10.0-4.0edf323e...), so what
// it writes into `_prisma_migrations` is what `prisma migrate deploy` writes, and the two can be
// used interchangeably on one database.
//
// Why we load the WebAssembly ourselves: `@prisma/migrate`'s `SchemaEngineWasm.setup()` asks
// `@prisma/internals` to load it, and that reads `schema_engine_bg.wasm` from its own `build/`
// folder, which the published npm package does not contain. `@prisma/schema-engine-wasm`'s own
// entry point imports the .wasm file as an ES module, which Node 20 cannot do. So we do what
// `@prisma/internals` does (compile the bytes, link them to the JS glue), with the file from
// `@prisma/schema-engine-wasm`, pinned to the version `@prisma/internals` 7.10.0 pins.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  DiffResult,
  MigrationList,
  SchemaContainer,
  SchemaEngine as WasmSchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createSchemaEngineAdapter } from "./engine-adapter.ts";

/** Nothing is managed outside Prisma (prisma.config.ts declares no external tables or enums). */
const NO_EXTERNAL_OBJECTS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** An error reported by the schema engine, with the Rust span trace stripped from `message`. */
export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
  /** Prisma's error code (e.g. P3009 "failed migrations in the target database"), if given. */
  readonly code: string | undefined;
  /** The engine command that failed, e.g. "applyMigrations". */
  readonly command: string;
  /** The engine's full message, span trace included, for debugging. */
  readonly details: string;

  constructor(command: string, message: string, options: { code?: string; details?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.command = command;
    this.code = options.code;
    this.details = options.details ?? message;
  }
}

// --- Loading the WebAssembly module (once per process) -------------------------------------

let engineClass: Promise<typeof WasmSchemaEngine> | undefined;
let panicMessage: string | undefined;
const panicListeners = new Set<(message: string) => void>();

type PanicRegistry = { set_message(message: string): void; get?(): string };

/**
 * The glue reports a Rust panic by calling `global.PRISMA_WASM_PANIC_REGISTRY.set_message()` and
 * then the instance traps. Without a registry that call itself throws, and the command's promise
 * may never settle; with one, we reject the running command with the panic message.
 */
function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  const existing = holder.PRISMA_WASM_PANIC_REGISTRY; // @prisma/internals' own, if it is loaded
  const previous = existing?.set_message.bind(existing);
  const registry: PanicRegistry = existing ?? { set_message: () => undefined, get: () => panicMessage ?? "" };
  registry.set_message = (message: string) => {
    previous?.(message);
    panicMessage = message;
    for (const listener of panicListeners) listener(message);
  };
  holder.PRISMA_WASM_PANIC_REGISTRY = registry;
}

async function loadEngineClass(): Promise<typeof WasmSchemaEngine> {
  installPanicRegistry();
  // The .wasm file is not in the package's `exports`, so locate it next to the glue module.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await fs.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const module = await WebAssembly.compile(bytes);
  // The glue's exports are the imports the module expects, under the name it was built with.
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": wasmGlue as unknown as WebAssembly.ModuleImports,
  });
  wasmGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return wasmGlue.SchemaEngine;
}

// --- Sessions ------------------------------------------------------------------------------

export interface SchemaEngineSession {
  /** Applies the migrations of `migrationsList` not yet recorded as applied; returns their names. */
  applyMigrations(migrationsList: MigrationList): Promise<string[]>;
  /**
   * Compares the connected database with a Prisma data model. `script: true` gives the SQL that
   * turns the database into the model, `false` a human-readable summary. `empty` is true when
   * there is nothing to change.
   */
  diffDatabaseToSchema(schemaFiles: SchemaContainer[], options: { script: boolean }): Promise<{ empty: boolean; output: string }>;
  /** Marks a failed migration as rolled back, so that it is retried on the next apply. */
  markMigrationRolledBack(migrationName: string): Promise<void>;
  /** Frees the engine and closes its connections. */
  close(): Promise<void>;
}

/** Opens the schema engine on `databaseUrl`. Prefer {@link withSchemaEngine}, which closes it. */
export async function openSchemaEngine(databaseUrl: string): Promise<SchemaEngineSession> {
  if (panicMessage !== undefined) {
    throw new SchemaEngineError("setup", `The schema engine panicked earlier in this process and cannot be reused: ${panicMessage}`);
  }
  engineClass ??= loadEngineClass();
  const Engine = await engineClass;
  const adapter = createSchemaEngineAdapter(databaseUrl);
  let engine: WasmSchemaEngine;
  try {
    engine = await Engine.new({ datamodels: undefined }, logEngineMessage, adapter.factory);
  } catch (error) {
    await adapter.close();
    throw toSchemaEngineError("setup", error);
  }

  let closed = false;
  return {
    async applyMigrations(migrationsList) {
      const output = await run("applyMigrations", () => engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_OBJECTS }));
      return output.appliedMigrationNames;
    },
    async diffDatabaseToSchema(schemaFiles, { script }) {
      const result: DiffResult = await run("diff", () =>
        engine.diff({
          // "schemaDatasource" means: the database the adapter is connected to.
          from: { tag: "schemaDatasource", files: schemaFiles, configDir: process.cwd() },
          to: { tag: "schemaDatamodel", files: schemaFiles },
          script,
          // With exitCode set, the engine answers 2 when the diff is not empty (as
          // `prisma migrate diff --exit-code` does); the script itself is never empty.
          exitCode: true,
          filters: NO_EXTERNAL_OBJECTS,
        }),
      );
      return { empty: result.exitCode === 0, output: result.stdout ?? "" };
    },
    async markMigrationRolledBack(migrationName) {
      await run("markMigrationRolledBack", () => engine.markMigrationRolledBack({ migrationName }));
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } finally {
        await adapter.close();
      }
    },
  };
}

/** Runs `fn` with an engine on `databaseUrl` and always closes it. */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngineSession) => Promise<T>): Promise<T> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/** Runs one engine command, turning its errors (and a panic while it runs) into SchemaEngineError. */
function run<T>(command: string, execute: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onPanic = (message: string) =>
      reject(new SchemaEngineError(command, `The schema engine panicked during ${command}: ${message}`, { code: "PANIC" }));
    panicListeners.add(onPanic);
    execute()
      .then(resolve, (error: unknown) => reject(toSchemaEngineError(command, error)))
      .finally(() => panicListeners.delete(onPanic));
  });
}

/**
 * Engine errors are either user-facing (`code` like P3009, plain message) or connector errors
 * whose message ends in a Rust span trace ("   0: sql_schema_connector::..."). Keep the first part.
 */
function toSchemaEngineError(command: string, error: unknown): SchemaEngineError {
  if (error instanceof SchemaEngineError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const lines = raw.split("\n");
  const traceStart = lines.findIndex((line) => /^\s+\d+: /.test(line));
  const message = (traceStart === -1 ? lines : lines.slice(0, traceStart)).join("\n").trim();
  const code = typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : undefined;
  return new SchemaEngineError(command, message || raw, { code, details: raw, cause: error });
}

/** The engine logs JSON lines; show them only when asked (DEBUG=schema-engine or DEBUG=*). */
function logEngineMessage(message: string): void {
  const debug = process.env.DEBUG ?? "";
  if (debug === "*" || debug.split(",").some((part) => part.trim().startsWith("schema-engine"))) {
    process.stderr.write(`[schema-engine] ${message}\n`);
  }
}
