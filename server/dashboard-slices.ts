/**
 * The dashboard's per-client slices (lib/dashboard/slices.ts), kept per connection and per view (the
 * filters and today) and patched after a write: the change log (db/score-changes.ts, filled by triggers
 * on every table a slice reads) names the clients a write touched, and only their rows are read again
 * and their slices rebuilt (the worth model on their history within the filters, their settled quotes,
 * their SQL counts). A setting change, a log pruned past the kept point, or a write touching many
 * clients rebuilds the view. Nothing is kept or patched inside a transaction (its writes may still roll
 * back). tests/integration/dashboard-incremental.test.ts checks the patched page equals a fresh compute
 * after random writes.
 */
import { sqliteOf, type DbOrTx } from "@/db/connection";
import { connectionKey } from "@/db/data-version";
import {
  countFollowUps,
  countNegotiationResponses,
  countRejections,
  countUnpaidAsks,
  listClientsByIds,
  listScopedInteractions,
  listScopedQuotes,
  type DashboardScope,
} from "@/db/dashboard";
import { latestScoreChange, scoreChangesSince } from "@/db/score-changes";
import { clientSlices, previousSlices, type ClientSlice, type PreviousSlice } from "@/lib/dashboard";
import type { Service, Settings } from "@/lib/domain";
import { processWide } from "./cache";

/** What one view's slices are read with. */
export interface SliceInput {
  scope: DashboardScope;
  /** the previous period's scope (the headline's trend), or null when the period has none */
  previous: DashboardScope | null;
  services: Service[];
  settings: Settings;
  today: string;
}

export interface Slices {
  slices: Map<number, ClientSlice>;
  previous: Map<number, PreviousSlice> | null;
}

interface KeptSlices extends Slices {
  /** the change log's seq these slices include */
  seq: number;
}

/** The slices of every client in the view, or of only `clientIds` (a patch): each client's rows in a few queries. */
export function readSlices(db: DbOrTx, input: SliceInput, clientIds?: readonly number[]): Slices {
  const scope: DashboardScope = clientIds ? { ...input.scope, clientIds } : input.scope;
  const quotes = listScopedQuotes(db, scope);
  const interactions = listScopedInteractions(db, scope);
  const ids = new Set<number>();
  for (const q of quotes) ids.add(q.clientId);
  for (const i of interactions) ids.add(i.clientId);
  const slices = clientSlices(
    {
      clients: listClientsByIds(db, [...ids]),
      quotes,
      interactions,
      unpaid: countUnpaidAsks(db, scope),
      negotiation: countNegotiationResponses(db, scope),
      rejections: countRejections(db, scope),
      chases: countFollowUps(db, scope),
    },
    input.services,
    input.settings,
    input.today,
  );
  let previous: Map<number, PreviousSlice> | null = null;
  if (input.previous) {
    const before: DashboardScope = clientIds ? { ...input.previous, clientIds } : input.previous;
    previous = previousSlices(listScopedQuotes(db, { ...before, acceptedOnly: true }), countUnpaidAsks(db, before), input.services, input.settings);
  }
  return { slices, previous };
}

/** Views kept per connection (filters × day): the oldest used goes first. */
const MAX_VIEWS = 6;
/** Past this share of the view's clients (and at least PATCH_MIN), one full read is cheaper than patching. */
const PATCH_SHARE = 0.25;
const PATCH_MIN = 16;

const kept = processWide("dashboardSlices", () => new WeakMap<object, Map<string, KeptSlices>>());
/** How each connection's views were brought up to date: read whole, or patched (for tests and the bench). */
const reads = processWide("dashboardReads", () => new WeakMap<object, { full: number; patched: number; clients: number }>());
function countRead(db: DbOrTx, kind: "full" | "patched", clients = 0): void {
  const key = connectionKey(db);
  const r = reads.get(key) ?? { full: 0, patched: 0, clients: 0 };
  r[kind] += 1;
  r.clients += clients;
  reads.set(key, r);
}

/** Rebuild the slices of the clients the log names since `view.seq`; false when only a full read will do. */
function patch(db: DbOrTx, view: KeptSlices, input: SliceInput): boolean {
  const changes = scoreChangesSince(db, view.seq);
  if (changes.all || changes.clientIds.length > Math.max(PATCH_MIN, Math.floor(view.slices.size * PATCH_SHARE))) return false;
  if (changes.clientIds.length) {
    const fresh = readSlices(db, input, changes.clientIds);
    for (const id of changes.clientIds) {
      const slice = fresh.slices.get(id);
      if (slice) view.slices.set(id, slice);
      else view.slices.delete(id);
      if (view.previous) {
        const before = fresh.previous?.get(id);
        if (before) view.previous.set(id, before);
        else view.previous.delete(id);
      }
    }
  }
  view.seq = changes.latest;
  countRead(db, "patched", changes.clientIds.length);
  return true;
}

/**
 * The view's slices brought up to date: patched when a few clients changed, read whole the first time
 * (or when much changed). `key` names the view: the filters and today.
 */
export function currentSlices(db: DbOrTx, key: string, input: SliceInput): Slices {
  if (sqliteOf(db).inTransaction) return readSlices(db, input);
  let views = kept.get(connectionKey(db));
  if (!views) kept.set(connectionKey(db), (views = new Map()));
  const view = views.get(key);
  if (view) {
    views.delete(key);
    if (patch(db, view, input)) {
      views.set(key, view);
      return view;
    }
  }
  // the log's point first: a write landing while the view is read is patched again next time, never missed
  const seq = latestScoreChange(db);
  const fresh: KeptSlices = { seq, ...readSlices(db, input) };
  countRead(db, "full", fresh.slices.size);
  if (views.size >= MAX_VIEWS) views.delete(views.keys().next().value!);
  views.set(key, fresh);
  return fresh;
}

/** For tests and the bench: how this connection's views were brought up to date, and how many clients that read. */
export function sliceReads(db: DbOrTx): { full: number; patched: number; clients: number } {
  return { ...(reads.get(connectionKey(db)) ?? { full: 0, patched: 0, clients: 0 }) };
}
