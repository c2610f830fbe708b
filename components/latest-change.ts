"use client";
import { useEffect, useSyncExternalStore } from "react";

/**
 * A page shows many logging forms; each says how its last entry moved the score. Once another form logs
 * something, that sentence is out of date: only the newest one stays (by the action's `okAt`).
 */
let latest = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** True while `at` (an ok state's okAt) is the newest score change shown on the page. */
export function useIsLatestChange(at: number | undefined): boolean {
  const newest = useSyncExternalStore(
    subscribe,
    () => latest,
    () => 0,
  );
  useEffect(() => {
    if (at != null && at > latest) {
      latest = at;
      for (const l of listeners) l();
    }
  }, [at]);
  return at != null && at >= newest;
}
