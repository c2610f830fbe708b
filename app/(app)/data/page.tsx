import type { Metadata } from "next";
import { requestDb } from "@/server/database";
import { backupNowAction, importBookAction, importClientsCsvAction, previewClientsCsvAction } from "@/app/actions/data";
import { bookCounts } from "@/server/book";
import { backupDir, databasePath, maxBodyBytes } from "@/server/env";
import { backupStatus } from "@/server/backups";
import { Card, PageHeader } from "@/components/ui/card";
import { plural } from "@/lib/text";
import { ImportBookForm } from "@/components/data/import-book-form";
import { ClientsCsvImport } from "@/components/data/clients-csv-import";
import { BackupsCard } from "@/components/data/backups-card";
import { applyHistoryImportAction, previewHistoryImportAction, undoHistoryImportAction } from "@/app/actions/history-import";
import { listImports } from "@/server/history-import";
import { listServices } from "@/server/services";
import { getSettings } from "@/server/settings";
import { HistoryImport } from "@/components/history-import/history-import";
import { PastImports } from "@/components/history-import/past-imports";

export const metadata: Metadata = { title: "Your data" };

const linkClass = "inline-flex min-h-10 items-center rounded-md px-3 text-sm text-sky-800 underline underline-offset-2 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-stone-800";

export default async function DataPage() {
  const db = await requestDb();
  const counts = bookCounts(db);
  const settings = getSettings(db);
  const imports = listImports(db);
  return (
    <>
      <PageHeader title="Your data">
        Everything you record is yours: take it out whole, bring it back, and keep backups. It lives in one SQLite file: <code>{databasePath()}</code>
      </PageHeader>
      <div className="space-y-6">
        <Card title="Export" id="export">
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="book-counts">
            {plural(counts.clients, "client")}, {plural(counts.quotes, "quote")}, {plural(counts.quoteEvents, "negotiation event")}, {plural(counts.interactions, "interaction")},{" "}
            {plural(counts.timeEntries, "time entry", "time entries")}, {plural(counts.services, "service")}, {plural(counts.templates, "template")}
            {counts.exchangeRates > 0 ? `, ${plural(counts.exchangeRates, "exchange rate")}` : ""}.
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <a href="/api/v1/export" download className={linkClass}>
              Download everything (JSON)
            </a>
            <span className="text-sm text-stone-600 dark:text-stone-400">One file with settings, rate card, templates and every client&rsquo;s history: the one to keep, and to import.</span>
          </div>
          <div className="mt-3">
            <p className="text-sm font-medium">For a spreadsheet (CSV):</p>
            <ul className="mt-1 flex flex-wrap gap-1">
              {[
                ["clients", "Clients"],
                ["quotes", "Quotes"],
                ["events", "Negotiation events"],
                ["interactions", "Interactions"],
                ["time-entries", "Time spent"],
              ].map(([entity, name]) => (
                <li key={entity}>
                  <a href={`/api/v1/export/csv/${entity}`} download className={linkClass}>
                    {name} (CSV)
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </Card>

        <Card title="Import a JSON export" id="import">
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
            The file is checked completely before anything is written, and imported in one step: a damaged or foreign file changes nothing. Your current book is backed up first.
          </p>
          <ImportBookForm action={importBookAction} maxBytes={maxBodyBytes()} />
        </Card>

        <Card title="Bring your history" id="history">
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
            Start with the work you have already done: import time from Toggl Track, Clockify or Harvest, or a sheet of past jobs. Each project becomes a quote of its client (matched by name, or
            created), so their scores and your true hourly rate have something to say from day one. Preview first; the import is one step you can undo.
          </p>
          <HistoryImport
            preview={previewHistoryImportAction}
            apply={applyHistoryImportAction}
            undo={undoHistoryImportAction}
            locale={settings.locale}
            services={listServices(db).map((sv) => ({ id: sv.id, name: sv.name, currency: sv.currency, unit: sv.unit }))}
          />
          <h3 className="mt-6 text-sm font-semibold">Past imports</h3>
          <PastImports imports={imports} undo={undoHistoryImportAction} />
        </Card>

        <Card title="Import clients from CSV" id="import-csv">
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">Preview first: you see every client that would be created and every row with a problem. Nothing is written until you import.</p>
          <ClientsCsvImport preview={previewClientsCsvAction} commit={importClientsCsvAction} maxBytes={maxBodyBytes()} />
        </Card>

        <Card title="Backups" id="backups">
          <BackupsCard status={backupStatus(backupDir())} databaseFile={databasePath()} backupNow={backupNowAction} />
        </Card>
      </div>
    </>
  );
}
