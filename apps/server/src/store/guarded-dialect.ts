import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import { toStoreError } from './store-errors.js';

/**
 * Wraps a Kysely dialect so every driver failure (connecting, querying, transactions) goes
 * through toStoreError: a lost database surfaces as a retryable UPSTREAM_UNAVAILABLE from any
 * query of any feature, without each repository catching driver errors itself.
 */
export function guardedDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => guardDriver(dialect.createDriver()),
  };
}

function guardDriver(driver: Driver): Driver {
  // Drivers keep per-connection state keyed by the connection object they handed out, so each
  // call gets back the original, not our wrapper.
  const originals = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const unwrap = (connection: unknown): unknown =>
    originals.get(connection as DatabaseConnection) ?? connection;
  return new Proxy(driver, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(
            target,
            args.map(unwrap),
          );
          if (property !== 'acquireConnection') return result;
          const guarded = guardConnection(result as DatabaseConnection);
          originals.set(guarded, result as DatabaseConnection);
          return guarded;
        } catch (error) {
          throw toStoreError(error);
        }
      };
    },
  });
}

function guardConnection(connection: DatabaseConnection): DatabaseConnection {
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'executeQuery') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw toStoreError(error);
        }
      };
    },
  });
}
