// The pg driver adapter as the WebAssembly schema engine needs it.
//
// The engine reaches PostgreSQL only through a Prisma driver adapter. `@prisma/adapter-pg` 7.10 is
// written for the query engine, and three of its behaviours break the schema engine:
//
// 1. Columns of PostgreSQL's one-byte `"char"` type (pg_class.relkind, pg_constraint.contype, ...)
//    are rejected ("Column type 'char' could not be deserialized"). The schema describer selects
//    such columns even on an empty database, so every `diff` from a live database fails.
//    The describer also reads contype with `get_expect_char`, which only accepts a Char value, so
//    mapping the column to Text is not enough either (prisma/orm#29635). We report those columns
//    as ColumnType.Character, which is what the describer expects.
// 2. `executeScript` splits the script on every ";" and runs the pieces one by one on whichever
//    pooled connection is free. A ";" inside a comment, a string or a $$-quoted function body
//    breaks the migration, and a failure leaves the earlier statements applied. We send the whole
//    script in one simple-protocol query instead, as the native engine does: one connection, and
//    PostgreSQL runs a multi-statement query as one implicit transaction.
// 3. (Not a bug, but our choice) We pass our own pg.Pool, so that we, not the engine, decide when
//    connections close; otherwise idle connections keep a CLI alive for seconds after it is done.
//
// Fix 1 works in two steps, because the adapter throws before we see its result: a pg.Client
// subclass renames `"char"` fields to `text` (so the adapter accepts them) and remembers their
// positions on the rows array (which the adapter passes through untouched), and a wrapper around
// the adapter then turns those columns' type into Character.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18; // "char"
const PG_TEXT_OID = 25;
/** Positions of the `"char"` columns of a result, attached to its rows array. */
const CHAR_COLUMNS = Symbol("charColumns");

type RowsWithCharColumns = unknown[] & { [CHAR_COLUMNS]?: number[] };

function markCharColumns<T>(result: T): T {
  for (const single of Array.isArray(result) ? result : [result]) {
    const fields = (single as pg.QueryResult | undefined)?.fields;
    if (!fields) continue;
    const positions: number[] = [];
    fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        positions.push(index);
      }
    });
    if (positions.length > 0) {
      Object.defineProperty((single as pg.QueryResult).rows, CHAR_COLUMNS, { value: positions });
    }
  }
  return result;
}

/** pg.Client whose results have `"char"` columns renamed to text and marked (see above). */
class CharColumnsClient extends pg.Client {
  // pg.Client.query has many overloads; the pool calls the callback form, the adapter the
  // promise form. Handle both without changing anything else.
  override query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    const callQuery = super.query as (...callArgs: unknown[]) => unknown;
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: Error | null, result: unknown) => void;
      args[callbackIndex] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : markCharColumns(result));
      return callQuery.apply(this, args) as never;
    }
    const returned = callQuery.apply(this, args);
    return (returned instanceof Promise ? returned.then(markCharColumns) : returned) as never;
  }
}

function withCharacterColumns(resultSet: SqlResultSet): SqlResultSet {
  const positions = (resultSet.rows as RowsWithCharColumns)[CHAR_COLUMNS];
  if (!positions) return resultSet;
  const columnTypes = [...resultSet.columnTypes];
  for (const position of positions) columnTypes[position] = ColumnTypeEnum.Character;
  return { ...resultSet, columnTypes };
}

/** Wraps a transaction so its queries get fix 1 too. */
function wrapTransaction(transaction: Transaction): Transaction {
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return async (query: SqlQuery) => withCharacterColumns(await target.queryRaw(query));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Wraps a connected adapter with fixes 1 and 2. */
function wrapAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
          return async (query: SqlQuery) => withCharacterColumns(await target.queryRaw(query));
        case "startTransaction":
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
            wrapTransaction(await target.startTransaction(...args));
        case "executeScript":
          return async (script: string) => {
            try {
              await pool.query(script);
            } catch (error) {
              // Let the adapter turn the pg error into the DriverAdapterError the engine expects
              // (same mapping as for its own queries). `onError` is protected, hence the cast.
              const convert = (target as unknown as { onError?: (e: unknown) => never }).onError;
              if (typeof convert === "function") convert.call(target, error);
              throw error;
            }
          };
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

export interface SchemaEngineAdapter {
  /** Pass this to the schema engine. */
  readonly factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /** Closes the connections; call after the engine is freed. */
  close(): Promise<void>;
}

/** A driver adapter for the schema engine, connected to `databaseUrl`. */
export function createSchemaEngineAdapter(databaseUrl: string): SchemaEngineAdapter {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    Client: CharColumnsClient as unknown as typeof pg.Client,
    max: 2, // the engine runs one command at a time
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection dropped by the server (e.g. the database being dropped) must not crash
  // the process with an unhandled 'error' event.
  pool.on("error", () => undefined);
  const prismaPg = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: prismaPg.provider,
    adapterName: prismaPg.adapterName,
    connect: async () => wrapAdapter(await prismaPg.connect(), pool),
    // Only used by engine commands we do not call (createMigration, diff with a "migrations"
    // target); it creates a database on the same server through its own pool.
    connectToShadowDb: async () => prismaPg.connectToShadowDb(),
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    close: () => pool.end(),
  };
}
