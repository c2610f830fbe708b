import { PRESETS } from "@/lib/history-import/presets";
import { plural } from "@/lib/text";
import type { ImportBatch } from "@/server/history-import";
import type { UndoImportAction } from "./state";
import { UndoImportButton } from "./undo-button";

/** The imports made, newest first, each with what it added and an undo while it stands. */
export function PastImports({ imports, undo }: { imports: ImportBatch[]; undo: UndoImportAction }) {
  if (!imports.length) return <p className="text-sm text-stone-600 dark:text-stone-400">No imports yet. An import you make shows here, and can be undone from here.</p>;
  return (
    <ul className="divide-y divide-stone-100 dark:divide-stone-800" aria-label="Past imports" data-testid="past-imports">
      {imports.map((b) => (
        <li key={b.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
          <div>
            <p className="font-medium">
              {PRESETS[b.source].label}
              {b.fileName ? `: ${b.fileName}` : ""}
            </p>
            <p className="text-stone-600 dark:text-stone-400">
              {b.createdAt.slice(0, 10)} · added{" "}
              {[plural(b.clientsAdded, "client"), plural(b.quotesAdded, "quote"), b.timeEntriesAdded ? plural(b.timeEntriesAdded, "time entry", "time entries") : ""].filter(Boolean).join(", ")}
              {b.rowsSkipped ? ` · ${plural(b.rowsSkipped, "row")} skipped` : ""}
              {b.undoneAt ? ` · undone ${b.undoneAt.slice(0, 10)}` : ""}
            </p>
          </div>
          {b.undoneAt ? null : <UndoImportButton batchId={b.id} undo={undo} label="Undo" ariaLabel={`Undo the import of ${b.createdAt.slice(0, 10)}${b.fileName ? ` (${b.fileName})` : ""}`} />}
        </li>
      ))}
    </ul>
  );
}
