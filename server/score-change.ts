/** A write that changes what is known about a client, with the fit score before and after it (lib/score-change.ts). */
import type { DbOrTx } from "@/db/connection";
import { scoreChange, type ScoreChange } from "@/lib/score-change";
import { scoreClient } from "./scores";

/**
 * Run `write` (a use case: its own transaction) and say how it moved the client's score. Call it outside
 * a transaction: the "after" is read once the write has committed.
 */
export function withScoreChange<R>(db: DbOrTx, clientId: number, write: () => R): { result: R; scoreChange: ScoreChange } {
  const before = scoreClient(db, clientId).assessment;
  const result = write();
  return { result, scoreChange: scoreChange(before, scoreClient(db, clientId).assessment) };
}
