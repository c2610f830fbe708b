"use client";
import Link from "next/link";
import { useId, useMemo, useState, useTransition } from "react";
import { FileUp, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { control } from "@/components/ui/field-shell";
import { parseCsv } from "@/lib/csv";
import { detectPreset } from "@/lib/history-import/detect";
import { defaultMapping, type ColumnMapping } from "@/lib/history-import/mapping";
import { DATE_FORMATS, fieldsOf, IMPORT_SOURCES, PRESETS, type DateFormat, type ImportSource } from "@/lib/history-import/presets";
import { MAX_IMPORT_CHARS } from "@/lib/history-import/schemas";
import { plural } from "@/lib/text";
import { ImportPreviewView } from "./preview";
import type { HistoryImportAction, HistoryImportRequest, HistoryImportState, UndoImportAction } from "./state";
import { UndoImportButton } from "./undo-button";
import { ColumnMapper } from "./column-mapper";

interface FileState {
  text: string;
  name: string | null;
  header: string[];
}

/** The header row of a file (for the mapper), or why it cannot be read. */
function headerOf(text: string): { header: string[] } | { error: string } {
  try {
    const firstLines = text.slice(0, 20_000);
    const { header } = parseCsv(firstLines.slice(0, Math.max(firstLines.indexOf("\n"), 0) || firstLines.length));
    return header.length > 1 ? { header } : { error: "The first line must name the columns (e.g. Date,Client,Project,Duration)." };
  } catch {
    return { error: "This does not look like a CSV file: its first line cannot be read." };
  }
}


/**
 * "Bring your history": pick (or paste) a CSV, check what made it and how its columns map, preview what
 * it would add, import it as one batch, and undo it if it was not what you wanted.
 */
/** A rate-card service the new quotes can be priced on. */
export interface ImportServiceOption {
  id: number;
  name: string;
  currency: string;
  unit: string;
}

export function HistoryImport({
  preview,
  apply,
  undo,
  locale,
  services = [],
}: {
  preview: HistoryImportAction;
  apply: HistoryImportAction;
  undo: UndoImportAction;
  locale: string;
  services?: readonly ImportServiceOption[];
}) {
  const id = useId();
  const [file, setFile] = useState<FileState | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [paste, setPaste] = useState("");
  const [inputKey, setInputKey] = useState(0);
  const [source, setSource] = useState<ImportSource | "">("");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateFormat, setDateFormat] = useState<DateFormat>("YYYY-MM-DD");
  const [rates, setRates] = useState<Record<string, string>>({});
  // the rate-card service new quotes are priced on; the only one when there is one, else the user's choice
  const [serviceId, setServiceId] = useState<string>(services.length === 1 ? String(services[0].id) : "");
  const [state, setState] = useState<HistoryImportState>({ status: "idle" });
  const [pending, start] = useTransition();
  const [which, setWhich] = useState<"preview" | "apply" | null>(null);

  const load = (text: string, name: string | null) => {
    setState({ status: "idle" });
    setRates({});
    if (text.length > MAX_IMPORT_CHARS) {
      setFile(null);
      return setFileError(`The file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB: export a shorter period.`);
    }
    const h = headerOf(text);
    if ("error" in h) {
      setFile(null);
      return setFileError(h.error);
    }
    setFileError(null);
    setFile({ text, name, header: h.header });
    const guess = detectPreset(h.header)?.source ?? "";
    choosePreset(guess, h.header);
  };

  const choosePreset = (next: ImportSource | "", header = file?.header ?? []) => {
    setSource(next);
    setState({ status: "idle" });
    if (!next) return setMapping({});
    setMapping(defaultMapping(next, header));
    setDateFormat(PRESETS[next].dateFormat);
  };

  const request = (): HistoryImportRequest | null => {
    if (!file || !source) return null;
    const fields = fieldsOf(PRESETS[source].kind);
    const m: Record<string, string> = {};
    for (const f of fields) if (mapping[f]) m[f] = mapping[f]!;
    const fxRates = Object.fromEntries(Object.entries(rates).filter(([, v]) => v.trim()));
    return { csv: file.text, source, mapping: m, dateFormat, fileName: file.name ?? undefined, serviceId: serviceId === "" ? null : Number(serviceId), ...(Object.keys(fxRates).length ? { fxRates } : {}) };
  };

  const run = (kind: "preview" | "apply") => {
    const input = request();
    if (!input) return;
    setWhich(kind);
    start(async () => {
      const next = await (kind === "preview" ? preview : apply)(input);
      if (kind === "apply" && next.status === "ok" && next.result?.batchId != null) {
        // done with this file: the next one starts from scratch
        setFile(null);
        setPaste("");
        setInputKey((k) => k + 1);
      }
      setState(next);
    });
  };

  const preset = source ? PRESETS[source] : null;
  const p = state.preview;
  const canImport = !!p && (p.counts.entriesNew > 0 || p.counts.quotesNew > 0);
  const needRates = p?.currenciesNeedingRate ?? [];
  const detected = useMemo(() => (file ? detectPreset(file.header)?.source : undefined), [file]);
  const errorFor = (f: string) => state.status === "error" ? state.fields?.[f]?.join(" ") : undefined;

  return (
    <div className="space-y-5">
      <div className="space-y-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id={`${id}-file`}
            key={inputKey}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={`${id}-file-hint`}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return setFile(null);
              if (f.size > MAX_IMPORT_CHARS * 4) {
                setFile(null);
                return setFileError(`The file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB: export a shorter period.`);
              }
              load(await f.text(), f.name);
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm dark:file:border-stone-600 dark:file:bg-stone-900 dark:file:text-stone-100"
          />
          <p id={`${id}-file-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            The detailed report exported from Toggl Track, Clockify or Harvest, or a sheet of past jobs (client, title, date, amount, currency, hours, status) saved as CSV.
          </p>
        </div>
        <details className="text-sm">
          <summary className="min-h-10 cursor-pointer py-2 text-sky-800 dark:text-sky-300">Or paste the CSV text</summary>
          <label htmlFor={`${id}-paste`} className="block text-sm font-medium">
            CSV text
          </label>
          <textarea id={`${id}-paste`} rows={5} value={paste} onChange={(e) => setPaste(e.target.value)} className={`${control} font-mono text-xs`} placeholder="Date,Client,Project,Hours&#10;2026-10-05,Brightline,Website rebuild,4" />
          <Button type="button" variant="secondary" className="mt-2" disabled={!paste.trim()} onClick={() => load(paste, null)}>
            Use this text
          </Button>
        </details>
        {fileError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {fileError}
          </p>
        ) : null}
      </div>

      {file ? (
        <div className="space-y-4 rounded-md border border-stone-200 p-3 dark:border-stone-700">
          <p className="text-sm">
            {file.name ? <strong>{file.name}</strong> : "Pasted text"}: {plural(file.header.length, "column")}.{" "}
            {detected ? `It looks like ${PRESETS[detected].label}.` : "We could not tell what made it: choose below and map its columns."}
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-source`} className="block text-sm font-medium">
                What made the file
              </label>
              <select id={`${id}-source`} value={source} onChange={(e) => choosePreset(e.target.value as ImportSource | "")} className={control} aria-invalid={!!errorFor("source")}>
                <option value="">Choose…</option>
                {IMPORT_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {PRESETS[s].label}
                  </option>
                ))}
              </select>
              {preset ? <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">{preset.howToExport}</p> : null}
            </div>
            <div>
              <label htmlFor={`${id}-dates`} className="block text-sm font-medium">
                Dates in the file are written
              </label>
              <select id={`${id}-dates`} value={dateFormat} onChange={(e) => setDateFormat(e.target.value as DateFormat)} className={control} disabled={!preset}>
                {DATE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-service`} className="block text-sm font-medium">
                New quotes are work of
              </label>
              <select id={`${id}-service`} value={serviceId} onChange={(e) => setServiceId(e.target.value)} className={control} aria-describedby={`${id}-service-hint`}>
                <option value="">No service: not compared with your rates</option>
                {services.map((sv) => (
                  <option key={sv.id} value={sv.id}>
                    {sv.name} ({sv.currency}/{sv.unit})
                  </option>
                ))}
              </select>
              <p id={`${id}-service-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                The service on your rate card the imported jobs are judged against (floor, target, market). Quotes already in your book keep their own.
              </p>
            </div>
          </div>

          {preset ? (
            <ColumnMapper
              id={id}
              preset={preset}
              header={file.header}
              mapping={mapping}
              errorFor={errorFor}
              onChange={(next) => {
                setMapping(next);
                setState({ status: "idle" });
              }}
            />
          ) : null}

          {needRates.length ? (
            <fieldset>
              <legend className="text-sm font-semibold">Exchange rates</legend>
              <p className="text-xs text-stone-600 dark:text-stone-400">Some amounts are in another currency than your book&rsquo;s, and no rate for it is kept in Settings. Enter the rate, then preview again.</p>
              <div className="mt-2 grid gap-3 sm:grid-cols-3">
                {needRates.map((cur) => (
                  <div key={cur}>
                    <label htmlFor={`${id}-fx-${cur}`} className="block text-sm font-medium">
                      1 {cur} in {p?.bookCurrency}
                    </label>
                    <input id={`${id}-fx-${cur}`} inputMode="decimal" value={rates[cur] ?? ""} onChange={(e) => setRates({ ...rates, [cur]: e.target.value })} className={control} placeholder="e.g. 1.08" />
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" variant={canImport ? "secondary" : "primary"} disabled={!source || pending} aria-disabled={!source || pending} onClick={() => run("preview")}>
              {pending && which === "preview" ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
              {pending && which === "preview" ? "Reading…" : p ? "Preview again" : "Preview"}
            </Button>
            {p ? (
              <Button type="button" disabled={!canImport || pending} aria-disabled={!canImport || pending} onClick={() => run("apply")}>
                {pending && which === "apply" ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <FileUp aria-hidden className="size-4" />}
                {pending && which === "apply" ? "Importing…" : canImport ? "Import" : "Nothing new to import"}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}

      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.message}
          {state.fields?.csv ? ` ${state.fields.csv.join(" ")}` : ""}
          {state.fields?.source ? ` ${state.fields.source.join(" ")}` : ""}
        </p>
      ) : null}

      {p && file ? <ImportPreviewView preview={p} locale={locale} /> : null}

      {state.result ? (
        <div className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950" data-testid="history-result">
          <p role="status" className="text-sm font-medium text-emerald-900 dark:text-emerald-100">
            {state.message}
          </p>
          {state.result.created.clients.length ? (
            <div className="text-sm">
              <p className="font-medium">New clients</p>
              <ul className="flex flex-wrap gap-x-3">
                {state.result.created.clients.map((c) => (
                  <li key={c.id}>
                    <Link href={`/clients/${c.id}`} className="inline-flex min-h-10 items-center text-sky-800 underline underline-offset-2 dark:text-sky-300">
                      {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {state.result.created.quotes.length ? (
            <div className="text-sm">
              <p className="font-medium">New quotes</p>
              <ul className="flex flex-wrap gap-x-3">
                {state.result.created.quotes.slice(0, 30).map((q) => (
                  <li key={q.id}>
                    <Link href={`/quotes/${q.id}`} className="inline-flex min-h-10 items-center text-sky-800 underline underline-offset-2 dark:text-sky-300">
                      {q.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {state.result.quotes.some((q) => q.id != null) ? (
            <div className="text-sm">
              <p className="font-medium">Time added to quotes already in your book</p>
              <ul className="flex flex-wrap gap-x-3">
                {state.result.quotes
                  .filter((q) => q.id != null)
                  .map((q) => (
                    <li key={q.id}>
                      <Link href={`/quotes/${q.id}`} className="inline-flex min-h-10 items-center text-sky-800 underline underline-offset-2 dark:text-sky-300">
                        {q.title} ({q.client})
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ) : null}
          {state.result.batchId != null ? <UndoImportButton batchId={state.result.batchId} undo={undo} /> : null}
        </div>
      ) : state.status === "ok" && state.message && !p ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
