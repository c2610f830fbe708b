import { openDatabase } from "@/db/connection";
import { computeAllScores, scoreAllClients, scoreClient } from "@/server/scores";
import { addInteraction } from "@/server/interactions";
import { performance } from "node:perf_hooks";
const db = openDatabase(process.argv[2]);
const t = (l: string, f: () => unknown) => { const a = performance.now(); const c = process.cpuUsage(); const r = f(); const d = process.cpuUsage(c); console.log(l.padEnd(36), (performance.now() - a).toFixed(1), "ms wall", ((d.user + d.system) / 1000).toFixed(1), "ms cpu", "rss", (process.memoryUsage().rss / 2 ** 20).toFixed(0), "MiB"); return r; };
t("computeAllScores", () => computeAllScores(db));
t("scoreAllClients (first: full)", () => scoreAllClients(db));
t("scoreAllClients (cached)", () => scoreAllClients(db));
for (let i = 0; i < 3; i++) {
  t("addInteraction", () => addInteraction(db, 742, { kind: "follow_up", answered: false }));
  t("scoreAllClients after a write", () => scoreAllClients(db));
  t("addInteraction", () => addInteraction(db, 742, { kind: "follow_up", answered: false }));
  t("scoreClient after a write", () => scoreClient(db, 742));
  t("scoreClient cached", () => scoreClient(db, 742));
}
console.log("peak rss MiB", (process.resourceUsage().maxRSS / 1024).toFixed(0));
