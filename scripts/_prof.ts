import { performance } from "node:perf_hooks";
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { listServices } from "@/db/services";
import { getSettings } from "@/db/settings";
import { readAllHistories } from "@/db/history";
import { assessClient } from "@/lib/worth";
import { computeAllScores } from "@/server/scores";
async function main() {
  const db = openDatabase(process.argv[2]);
  await migrateDatabase(db, { backupTo: "/tmp/p17/bk" });
  const services = listServices(db), settings = getSettings(db);
  const t = (l: string, f: () => unknown) => { const a = performance.now(); const c = process.cpuUsage(); const r = f(); const d = process.cpuUsage(c); console.log(l, (performance.now() - a).toFixed(1), "ms wall", ((d.user + d.system) / 1000).toFixed(1), "ms cpu"); return r; };
  for (let i = 0; i < 3; i++) {
    const hs = t("readAllHistories", () => readAllHistories(db)) as ReturnType<typeof readAllHistories>;
    t("assess asOf", () => hs.map((h) => assessClient(h, services, settings, { asOf: "2026-12-01" })));
    t("assess no asOf", () => hs.map((h) => assessClient(h, services, settings)));
    t("computeAllScores", () => computeAllScores(db, "2026-12-01"));
  }
  console.log("rss", (process.memoryUsage().rss / 2 ** 20).toFixed(0), "MiB");
}
main();
