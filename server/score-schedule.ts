/**
 * Keep the whole book's scores ready. Evidence ages with the day, so the first whole-book read of a new
 * day rescores every client once (server/scores.ts); on a large book that is seconds. This schedule pays
 * it instead of a person: a little after start, then whenever the book's day has turned (checked every
 * minute), it scores the book in the background, a few clients per turn of the event loop so requests
 * are still answered, and prunes the change log. Writes in between are patched
 * client by client. The
 * timer is unref()ed, started once per process (guarded on globalThis) from instrumentation.ts, and a
 * failure is one log line, never a crash.
 */
import type { DB } from "@/db/connection";
import { pruneScoreChanges } from "@/db/score-changes";
import { holdsBookScores, scoreAllClients, warmBookScores } from "./scores";

export const CHECK_EVERY_MS = 60 * 1000;
export const FIRST_CHECK_AFTER_MS = 2 * 1000;

/** One check: score the book (a few clients per turn, the server keeps answering) if today's scores are not held yet. True when it scored. Never throws. */
export async function scoreTick(db: DB): Promise<boolean> {
  try {
    if (holdsBookScores(db)) return false;
    const started = Date.now();
    if (!(await warmBookScores(db))) return false;
    // the scores now include every logged change: the log's old entries serve nobody (a cache behind them rescores whole)
    pruneScoreChanges(db);
    const n = scoreAllClients(db).length;
    if (n > 0) console.log(`[walkaway] scored ${n} client${n === 1 ? "" : "s"} for today in ${Date.now() - started} ms`);
    return true;
  } catch (e) {
    console.error(`[walkaway] scoring the book ahead failed (pages score it when asked): ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

const globalForSchedule = globalThis as unknown as { __walkawayScoreSchedule?: { stop(): void } };

/** Start the schedule (once per process). */
export function startScoreSchedule(ready: () => Promise<DB>): { stop(): void } {
  if (globalForSchedule.__walkawayScoreSchedule) return globalForSchedule.__walkawayScoreSchedule;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await scoreTick(await ready());
    } catch {
      // the database is not there: /api/health says so; try again later
    }
    timer = setTimeout(run, CHECK_EVERY_MS);
    timer.unref();
  };
  timer = setTimeout(run, FIRST_CHECK_AFTER_MS);
  timer.unref();
  const schedule = {
    stop() {
      clearTimeout(timer);
      delete globalForSchedule.__walkawayScoreSchedule;
    },
  };
  globalForSchedule.__walkawayScoreSchedule = schedule;
  return schedule;
}
