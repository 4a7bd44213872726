// Counts the SQL statements an app sends, by wrapping the driver under Drizzle (the PGlite instance
// or the pg Pool it keeps as `$client`). For tests and the bench only: production code never sees it.
import type { Database } from '#db/client.server.ts';

type QueryFn = (...args: unknown[]) => Promise<unknown>;
type Queryable = { query: QueryFn };
type PgliteLike = Queryable & { transaction: (fn: (tx: Queryable) => Promise<unknown>) => Promise<unknown> };
type ConnectCallback = (error: unknown, client?: Queryable, done?: unknown) => void;
type PoolLike = Queryable & { connect: (callback?: ConnectCallback) => Promise<Queryable> | undefined };

/** Transaction control is not a read or a write of data; it is left out of the count. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint|start transaction)\b/i;

export type QueryCounter = {
  /** Statements sent since the counter was made or last reset (transaction control left out). */
  readonly count: number;
  /** Their SQL, in the order sent. */
  readonly statements: readonly string[];
  /** The same statements with their parameters, e.g. to EXPLAIN them. */
  readonly calls: ReadonlyArray<{ sql: string; params: unknown[] }>;
  reset(): void;
  /** Runs `work` and returns the statements it sent (other work running meanwhile is counted too). */
  during(work: () => Promise<unknown>): Promise<string[]>;
};

function sqlOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string')
    return first.text;
  return String(first);
}

/** Wraps the driver of `db` (once; a second call returns the same counter). */
export function countQueries(db: Database): QueryCounter {
  // Drizzle keeps the driver it was given as `$client` (db/client.server.ts).
  const client = (db as unknown as { $client: Queryable & { __queryCounter?: QueryCounter } }).$client;
  if (client.__queryCounter) return client.__queryCounter;
  let calls: Array<{ sql: string; params: unknown[] }> = [];
  const record = (sql: string, params: unknown) => {
    if (!TRANSACTION_CONTROL.test(sql)) calls.push({ sql, params: Array.isArray(params) ? params : [] });
  };
  const wrapQuery = (target: Queryable) => {
    const original = target.query.bind(target);
    target.query = (...args: unknown[]) => {
      const config = args[0] as { values?: unknown } | undefined;
      record(sqlOf(args[0]), args[1] ?? config?.values);
      return original(...args);
    };
  };
  if ('connect' in client && typeof client.connect === 'function') {
    // pg.Pool: every statement, `pool.query` included, runs on a checked-out client; wrap each once.
    const pool = client as unknown as PoolLike;
    const original = pool.connect.bind(pool);
    const wrapped = new WeakSet<object>();
    const wrapOnce = (checkedOut: Queryable | undefined) => {
      if (checkedOut && !wrapped.has(checkedOut)) {
        wrapped.add(checkedOut);
        wrapQuery(checkedOut);
      }
    };
    pool.connect = (callback?: ConnectCallback) => {
      if (callback) {
        return original((error, checkedOut, done) => {
          wrapOnce(checkedOut);
          callback(error, checkedOut, done);
        });
      }
      return (original() as Promise<Queryable>).then((checkedOut) => {
        wrapOnce(checkedOut);
        return checkedOut;
      });
    };
  } else {
    // PGlite: one instance; statements inside a transaction go through the transaction's own query.
    wrapQuery(client);
    const pglite = client as unknown as PgliteLike;
    const original = pglite.transaction.bind(pglite);
    pglite.transaction = (fn) =>
      original((tx) => {
        wrapQuery(tx);
        return fn(tx);
      });
  }
  const counter: QueryCounter = {
    get count() {
      return calls.length;
    },
    get statements() {
      return calls.map((c) => c.sql);
    },
    get calls() {
      return calls;
    },
    reset() {
      calls = [];
    },
    async during(work) {
      const before = calls.length;
      await work();
      return calls.slice(before).map((c) => c.sql);
    },
  };
  client.__queryCounter = counter;
  return counter;
}
