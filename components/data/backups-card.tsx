"use client";
import { useState } from "react";
import { describeRetention, describeSchedule, formatBytes, restoreCommand, type BackupKind } from "@/lib/backup-retention";
import type { DataActionState } from "@/lib/action-state";
import { plural } from "@/lib/text";
import type { BackupStatus } from "@/server/backups";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { BackupButton } from "./backup-button";

const KIND: Record<BackupKind, string> = {
  manual: "by hand",
  scheduled: "scheduled",
  "pre-import": "before an import",
  "pre-currency": "before a currency change",
  "pre-migration": "before a migration",
};

/** An instant as the same text on the server and in the browser (no time-zone or locale drift). */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const SHOWN = 30;

/** The backups card of "Your data": the folder, the policy in words, every backup, the restore steps for this install. */
export function BackupsCard({ status, databaseFile, backupNow }: { status: BackupStatus; databaseFile: string; backupNow: () => Promise<DataActionState> }) {
  const { backups, policy } = status;
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = backups.find((b) => b.name === chosen) ?? backups[0];
  const command = restoreCommand(databaseFile, selected?.file ?? `${status.dir}/<backup>.db`);
  const cap = policy.maxTotalBytes > 0 ? ` of at most ${formatBytes(policy.maxTotalBytes)}` : "";


  return (
    <div className="space-y-3 text-sm text-stone-700 dark:text-stone-300">
      <p>
        Backups go to <code>{status.dir}</code>. Run <code>npm run backup</code> (safe while the app runs) or:
      </p>
      <BackupButton action={backupNow} />
      <p>
        A backup is also taken automatically before a migration changes your database and before every import into a book that has data
        {policy.everyHours > 0 ? (
          <>
            , and {describeSchedule(policy.everyHours)} while the app runs
            {status.nextScheduledDue ? (
              <>
                {" "}
                (next due <span data-testid="next-scheduled-backup">{when(status.nextScheduledDue)}</span>, checked every hour; none is taken while the book is empty)
              </>
            ) : null}
          </>
        ) : (
          <> (scheduled backups are off: WALKAWAY_BACKUP_EVERY_HOURS=0)</>
        )}
        .
      </p>
      <p data-testid="backup-policy">
        Kept: {describeRetention(policy)}. Older ones are removed after each new backup; other files in the folder are never touched. A backup that would not fit on the disk is
        refused, and nothing is written.
      </p>
      <p data-testid="backup-total">
        {plural(backups.length, "backup")}, {formatBytes(status.totalBytes)}
        {cap}
        {status.freeBytes != null ? `; ${formatBytes(status.freeBytes)} free on that disk` : ""}.
      </p>
      {backups.length ? (
        <ul aria-label="Recent backups" className="divide-y divide-stone-200 rounded-md border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
          {backups.slice(0, SHOWN).map((b) => (
            <li key={b.name} className="flex flex-wrap items-center justify-between gap-2 px-3 py-1.5">
              <span className="min-w-0">
                <code className="break-all">{b.name}</code>
                <span className="text-stone-600 dark:text-stone-400">
                  {" "}
                  · {formatBytes(b.bytes)} · {when(b.takenAt)} · {KIND[b.kind]}
                  {b.keptFor.length ? "" : " · goes at the next backup"}
                </span>
              </span>
              <Button type="button" variant="ghost" className="min-h-8 px-2 py-1 text-xs" aria-pressed={selected?.name === b.name} onClick={() => setChosen(b.name)}>
                {selected?.name === b.name ? "Restore steps below" : "Restore this one"}
              </Button>
            </li>
          ))}
          {backups.length > SHOWN ? <li className="px-3 py-1.5 text-stone-600 dark:text-stone-400">and {backups.length - SHOWN} older</li> : null}
        </ul>
      ) : (
        <p>No backups yet.</p>
      )}
      <div>
        <p className="font-medium">To restore{selected ? <> {selected.name}</> : null}: stop Walkaway, then in a terminal:</p>
        <pre id="restore-command" data-testid="restore-command" tabIndex={0} aria-label="Restore commands" className="mt-1 overflow-x-auto rounded-md bg-stone-100 p-2 text-xs dark:bg-stone-800">
          {command}
        </pre>
        <div className="mt-2">
          <CopyButton text={command} selectId="restore-command" label="Copy the commands" announce="Restore commands copied to the clipboard" />
        </div>
        <p className="mt-1 text-stone-600 dark:text-stone-400">The -wal and -shm files belong to the old database: removing them makes the copy the whole book. Or import a JSON export with “replace”.</p>
      </div>
    </div>
  );
}
