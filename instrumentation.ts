/**
 * Runs once when the server starts: open the database and apply migrations before serving, then start
 * the scheduled backups (not under the e2e suite or vitest: they control their own backups).
 * A database Walkaway cannot use stops the server with one line saying what is wrong and what to do.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { DatabaseProblem, readyDb } = await import("./server/database");
    try {
      await readyDb();
    } catch (e) {
      const message = e instanceof DatabaseProblem ? e.message : `the database could not be prepared: ${e instanceof Error ? e.message : String(e)}`;
      console.error(`Walkaway cannot start: ${message}`);
      process.exit(1);
    }
    if (!process.env.VITEST) {
      // the day's whole-book scores, ready before anyone asks (server/score-schedule.ts)
      const { startScoreSchedule } = await import("./server/score-schedule");
      startScoreSchedule(readyDb);
    }
    if (process.env.WALKAWAY_E2E !== "1" && !process.env.VITEST) {
      const { startBackupSchedule } = await import("./server/backup-schedule");
      const { backupDir, backupPolicy } = await import("./server/env");
      startBackupSchedule(readyDb, backupDir(), backupPolicy());
    }
  }
}
