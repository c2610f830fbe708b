/**
 * The read cache. Results that are costly on a large book are kept per connection for one data version
 * (db/data-version.ts): any write moves the version, so a cached value can never be stale. Nothing is
 * cached or served from the cache inside a transaction (its writes may still roll back).
 *
 * A cached value is shared by every caller until the next write. It is deep-frozen outside production
 * (development and every test run), so a caller that tries to change it throws at once instead of
 * corrupting what the next request sees; `Cached<T>` marks such values in signatures.
 */
import { connectionKey, dataVersion } from "@/db/data-version";
import type { DbOrTx } from "@/db/connection";

/** Deeply read-only, for results built from cached values (the dashboard's). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<K, DeepReadonly<V>>
    : T extends readonly (infer E)[]
      ? readonly DeepReadonly<E>[]
      : T extends object
        ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
        : T;

/** A value shared through the cache: read it, never change it (frozen outside production). */
export type Cached<T> = T;

interface CacheSlot {
  version: string;
  entries: Map<string, unknown>;
}
/**
 * A per-connection store shared by the whole process. Next bundles the app's pages, its route handlers and
 * instrumentation.ts apart, each with its own copy of a module: a module-level map would be one cache per
 * bundle (the API scoring the book again after a page did, the day's scores warmed where no page reads
 * them). Kept on globalThis under `name`, like the connection itself (server/database.ts).
 */
export function processWide<T extends object>(name: string, make: () => T): T {
  const g = globalThis as unknown as Record<string, T | undefined>;
  return (g[`__walkaway_${name}`] ??= make());
}

const caches = processWide("readCache", () => new WeakMap<object, CacheSlot>());
/** Entries kept per data version (whole-book scores, client histories, dashboard views…): oldest out first. */
const MAX_CACHE_ENTRIES = 200;
const FREEZE = process.env.NODE_ENV !== "production";

function cacheSlot(db: DbOrTx, version: string): CacheSlot {
  const key = connectionKey(db);
  let slot = caches.get(key);
  if (!slot || slot.version !== version) caches.set(key, (slot = { version, entries: new Map() }));
  return slot;
}

/** Freeze a shared value outside production, so a caller that changes it throws at once. */
export function freezeShared<T>(value: T): T {
  return FREEZE ? deepFreeze(value) : value;
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== "object" || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  if (value instanceof Map) for (const v of value.values()) deepFreeze(v, seen);
  else for (const v of Object.values(value)) deepFreeze(v, seen);
  return Object.freeze(value);
}

/** The cached value for `key` if there is one for the current data version (never inside a transaction). */
export function cachedValue<T>(db: DbOrTx, key: string): Cached<T> | undefined {
  const version = dataVersion(db);
  return version === null ? undefined : (cacheSlot(db, version).entries.get(key) as Cached<T> | undefined);
}

/**
 * Read-through cache for a pure function of the database's contents: `compute()` runs again after any
 * write. `key` must name everything else the result depends on (ids, filters, today's date).
 */
export function cachedRead<T>(db: DbOrTx, key: string, compute: () => T): Cached<T> {
  const version = dataVersion(db);
  if (version === null) return compute() as Cached<T>;
  const slot = cacheSlot(db, version);
  if (slot.entries.has(key)) return slot.entries.get(key) as Cached<T>;
  const value = compute();
  // compute() only reads; keep its result only if nothing was written meanwhile
  if (dataVersion(db) === version) {
    if (FREEZE) deepFreeze(value);
    if (slot.entries.size >= MAX_CACHE_ENTRIES) slot.entries.delete(slot.entries.keys().next().value!);
    slot.entries.set(key, value);
  }
  return value as Cached<T>;
}
