/**
 * The bench, part 2c: write latency, sequentially, on the running server. Log a follow-up through the API
 * and load the client page with its new score, against the same page when nothing was written since
 * (cached); a few real quick-log saves. Afterwards the served score is checked against a fresh recompute
 * in this process, on the same file.
 */
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { openDatabase } from "@/db/connection";
import { computeClientScore } from "@/server/scores";
import { quickLogBody } from "./load";
import { errorText, fetchRetrying, round, summary } from "./util";

export const WRITE_ROUNDS = Number(process.env.BENCH_WRITE_ROUNDS ?? 30);
export const QUICK_SAVES = Number(process.env.BENCH_QUICK_SAVES ?? 10);
export const TARGET_PAGE_AFTER_WRITE = 2;

/** One timed request; a connection that fails is status 0 (a failure the run reports), tried again only when it is a GET. */
async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; text: string }> {
  const t = performance.now();
  try {
    const res = await (init?.method && init.method !== "GET" ? fetch(url, { redirect: "manual", ...init }) : fetchRetrying(url, { redirect: "manual", ...init }));
    const text = await res.text();
    return { ms: performance.now() - t, status: res.status, text };
  } catch (e) {
    return { ms: performance.now() - t, status: 0, text: errorText(e) };
  }
}

const json = (body: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body });

export async function benchWrites(base: string, dbFile: string, clientId: number) {
  const page = `${base}/clients/${clientId}`;
  const post: number[] = [];
  const after: number[] = [];
  const cached: number[] = [];
  const failures: string[] = [];
  let pageChanged = 0;
  let previous = (await timed(page)).text;
  for (let k = 0; k < WRITE_ROUNDS; k++) {
    const w = await timed(`${base}/api/v1/clients/${clientId}/interactions`, json(JSON.stringify({ kind: "follow_up", answered: k % 2 === 0, note: `bench write ${k + 1}` })));
    if (w.status !== 201) failures.push(`POST interactions answered ${w.status}: ${w.text.slice(0, 200)}`);
    const a = await timed(page);
    const c = await timed(page);
    if (a.status !== 200 || c.status !== 200) failures.push(`client page answered ${a.status}/${c.status}`);
    if (a.text !== previous) pageChanged += 1;
    previous = c.text;
    post.push(w.ms);
    after.push(a.ms);
    cached.push(c.ms);
  }
  // the score the server shows now equals one computed from nothing on the same file
  const served = await (await fetchRetrying(`${base}/api/v1/clients/${clientId}/score`)).json();
  const db = openDatabase(dbFile);
  let scoreIsCurrent = false;
  try {
    const fresh = computeClientScore(db, clientId);
    scoreIsCurrent = isDeepStrictEqual(served, JSON.parse(JSON.stringify({ client: { id: fresh.client.id, name: fresh.client.name }, ...fresh.assessment })));
  } finally {
    db.$client.close();
  }

  const saves: number[] = [];
  for (let k = 0; k < QUICK_SAVES; k++) {
    const s = await timed(`${base}/api/v1/quick-capture`, json(quickLogBody(clientId, false)));
    if (s.status !== 201) failures.push(`quick-capture save answered ${s.status}: ${s.text.slice(0, 200)}`);
    saves.push(s.ms);
  }

  const afterS = summary(after);
  const cachedS = summary(cached);
  const ratio = round(afterS.medianMs / cachedS.medianMs, 2);
  return {
    clientId,
    rounds: WRITE_ROUNDS,
    logEvent: summary(post),
    pageAfterWrite: afterS,
    pageCached: cachedS,
    ratio,
    target: TARGET_PAGE_AFTER_WRITE,
    met: ratio <= TARGET_PAGE_AFTER_WRITE && failures.length === 0 && scoreIsCurrent,
    pageChangedAfterWrite: pageChanged,
    scoreIsCurrent,
    quickLogSave: summary(saves),
    failures: failures.slice(0, 5),
  };
}
export type WriteResult = Awaited<ReturnType<typeof benchWrites>>;
