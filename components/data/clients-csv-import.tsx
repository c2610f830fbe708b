"use client";
import { useState, useTransition } from "react";
import { idle } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { label } from "@/lib/domain";
import type { DataActionState } from "@/lib/action-state";

type Action = (prev: DataActionState, fd: FormData) => Promise<DataActionState>;

/** Pick a CSV, see exactly which clients it would create and which rows are wrong, then import. */
export function ClientsCsvImport({ preview, commit, maxBytes }: { preview: Action; commit: Action; maxBytes: number }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [state, setState] = useState<DataActionState>(idle);
  const [pending, start] = useTransition();
  const p = state.preview;

  const run = (action: Action, extra: Record<string, string> = {}) =>
    start(async () => {
      const fd = new FormData();
      fd.set("csv", csv ?? "");
      for (const [k, v] of Object.entries(extra)) fd.set(k, v);
      const next = await action(state, fd);
      // after a successful import the preview is done with: start again from a new file
      if (next.status === "ok" && !next.preview) {
        setCsv(null);
        setInputKey((k) => k + 1);
      }
      setState(next);
    });

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="clients-csv" className="block text-sm font-medium">
          Clients CSV
        </label>
        <input
          id="clients-csv"
          type="file"
          accept=".csv,text/csv"
          key={inputKey}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setState(idle);
            if (!file) return setCsv(null);
            if (file.size > maxBytes) {
              const message = `The CSV file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
              setCsv(null);
              return setState({ status: "error", message, fields: { csv: [message] } });
            }
            setCsv(await file.text());
          }}
          className="mt-1 block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm dark:file:border-stone-600 dark:file:bg-stone-900 dark:file:text-stone-100"
        />
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          First line names the columns: <code>name</code> (required), <code>company</code>, <code>email</code>, <code>lead_source</code>, <code>status</code>, <code>notes</code>.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={!csv || pending} onClick={() => run(preview)}>
          {pending ? "Working…" : "Preview"}
        </Button>
        {p && p.valid.length > 0 ? (
          p.errors.length === 0 ? (
            <Button type="button" disabled={pending} onClick={() => run(commit)}>
              Import {p.valid.length} client{p.valid.length === 1 ? "" : "s"}
            </Button>
          ) : (
            <Button type="button" disabled={pending} onClick={() => run(commit, { skipInvalid: "on" })}>
              Import the {p.valid.length} valid row{p.valid.length === 1 ? "" : "s"}, skip {p.errors.length}
            </Button>
          )
        ) : null}
        <FormMessage state={state} />
      </div>
      {p ? (
        <div className="space-y-4" data-testid="csv-preview">
          {p.columns.ignored.length ? <p className="text-sm text-stone-600 dark:text-stone-400">Ignored columns: {p.columns.ignored.join(", ")}</p> : null}
          {p.errors.length ? (
            <div>
              <h3 className="text-sm font-semibold text-red-800 dark:text-red-300">Rows with problems (not imported)</h3>
              <ul aria-label="Rows with problems" className="mt-1 list-disc pl-5 text-sm">
                {p.errors.map((e) => (
                  <li key={e.line}>
                    Line {e.line}:{" "}
                    {Object.entries(e.fields)
                      .map(([f, msgs]) => `${f} — ${msgs.join(" ")}`)
                      .join("; ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {p.valid.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Clients to create">
                <caption className="mb-1 text-left text-sm font-semibold">Clients to create</caption>
                <thead>
                  <tr className="border-b border-stone-200 dark:border-stone-700">
                    <th className="py-1 pr-3">Line</th>
                    <th className="py-1 pr-3">Name</th>
                    <th className="py-1 pr-3">Company</th>
                    <th className="py-1 pr-3">Email</th>
                    <th className="py-1 pr-3">Lead source</th>
                    <th className="py-1 pr-3">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {p.valid.slice(0, 200).map((r) => (
                    <tr key={r.line} className="border-b border-stone-100 dark:border-stone-800">
                      <td className="py-1 pr-3 tabular-nums">{r.line}</td>
                      <td className="py-1 pr-3">{r.client.name}</td>
                      <td className="py-1 pr-3">{r.client.company}</td>
                      <td className="py-1 pr-3">{r.client.email}</td>
                      <td className="py-1 pr-3">{label(r.client.leadSource)}</td>
                      <td className="py-1 pr-3">{label(r.client.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.valid.length > 200 ? <p className="mt-1 text-sm">…and {p.valid.length - 200} more.</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
