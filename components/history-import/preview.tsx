import { formatMoney } from "@/lib/money";
import { formatDuration } from "@/lib/typed-input";
import { FIELD_LABELS, type ImportField } from "@/lib/history-import/presets";
import { plural } from "@/lib/text";
import type { ImportPreview } from "@/server/history-import";

const cellClass = "py-1 pr-3 align-top";

/** What the file would add: counts, every problem with its line and field, and the first rows as read. */
export function ImportPreviewView({ preview, locale }: { preview: ImportPreview; locale: string }) {
  const c = preview.counts;
  const jobs = preview.kind === "jobs";
  const items: [string, string][] = [
    ["Rows in the file", String(c.rows)],
    ["Clients", `${c.clientsNew} new, ${c.clientsMatched} already in your book`],
    ["Quotes", jobs ? `${c.quotesNew} new (one per job)` : `${c.quotesNew} new, ${c.quotesMatched} already in your book`],
    ...(jobs ? [] : ([["Time entries", `${c.entriesNew} new`]] as [string, string][])),
    ["Already imported", c.alreadyImported ? `${plural(c.alreadyImported, "row")} (skipped)` : "none"],
    ["Rows with problems", c.problemRows ? `${plural(c.problemRows, "row")} (not imported)` : "none"],
  ];
  return (
    <div className="space-y-4" data-testid="history-preview">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {items.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3 border-b border-stone-100 py-1 dark:border-stone-800">
            <dt className="text-stone-600 dark:text-stone-400">{k}</dt>
            <dd className="text-right font-medium tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>

      {preview.quotes.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Quotes the time goes on">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left text-sm font-semibold">Quotes the time goes on</caption>
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-700">
                <th scope="col" className={cellClass}>Client</th>
                <th scope="col" className={cellClass}>Quote</th>
                <th scope="col" className={cellClass}>{jobs ? "Hours" : "Time added"}</th>
                <th scope="col" className={cellClass}>Amount</th>
              </tr>
            </thead>
            <tbody>
              {preview.quotes.slice(0, 50).map((q, i) => (
                <tr key={i} className="border-b border-stone-100 dark:border-stone-800">
                  <td className={cellClass}>{q.client}</td>
                  <td className={cellClass}>
                    {q.title} <span className="text-stone-600 dark:text-stone-400">({q.id == null ? "new" : "in your book"})</span>
                  </td>
                  <td className={`${cellClass} tabular-nums`}>{formatDuration(q.minutes, locale)}</td>
                  <td className={`${cellClass} tabular-nums`}>{q.id == null ? formatMoney(q.amount, q.currency, locale) : "as agreed"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.quotes.length > 50 ? <p className="mt-1 text-sm">…and {preview.quotes.length - 50} more.</p> : null}
        </div>
      ) : null}

      {preview.problems.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rows with problems">
          <table className="w-full text-left text-sm" data-testid="history-problems">
            <caption className="mb-1 text-left text-sm font-semibold text-red-800 dark:text-red-300">Rows with problems (not imported)</caption>
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-700">
                <th scope="col" className={cellClass}>Line</th>
                <th scope="col" className={cellClass}>Field</th>
                <th scope="col" className={cellClass}>Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i} className="border-b border-stone-100 dark:border-stone-800">
                  <td className={`${cellClass} tabular-nums`}>{p.line}</td>
                  <td className={cellClass}>{FIELD_LABELS[p.field as ImportField] ?? (p.field === "fxRate" ? "Exchange rate" : p.field)}</td>
                  <td className={cellClass}>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {preview.firstRows.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="The first rows">
          <table className="w-full text-left text-sm" data-testid="history-first-rows">
            <caption className="mb-1 text-left text-sm font-semibold">The first rows, as they will be read</caption>
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-700">
                <th scope="col" className={cellClass}>Line</th>
                <th scope="col" className={cellClass}>Date</th>
                <th scope="col" className={cellClass}>Client</th>
                <th scope="col" className={cellClass}>{jobs ? "Job" : "Project"}</th>
                <th scope="col" className={cellClass}>Time</th>
                <th scope="col" className={cellClass}>Amount</th>
                <th scope="col" className={cellClass}>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {preview.firstRows.map((r) => (
                <tr key={r.line} className="border-b border-stone-100 dark:border-stone-800">
                  <td className={`${cellClass} tabular-nums`}>{r.line}</td>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{r.date}</td>
                  <td className={cellClass}>{r.client}</td>
                  <td className={cellClass}>{r.title}</td>
                  <td className={`${cellClass} tabular-nums`}>{formatDuration(r.minutes, locale)}</td>
                  <td className={`${cellClass} tabular-nums`}>{r.amount == null ? "—" : formatMoney(r.amount, r.currency, locale)}</td>
                  <td className={cellClass}>{r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
