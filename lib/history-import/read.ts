/**
 * A whole file read: CSV parsed (lib/csv.ts), the preset chosen or guessed from the header, the mapping
 * checked, every row read into a record or a problem. A file that cannot be read at all (not CSV, no
 * header we recognise, no rows, too many rows) throws invalid_input with a field error. Pure.
 */
import { CsvParseError, parseCsv } from "../csv";
import { invalidInput } from "../errors";
import { detectPreset } from "./detect";
import { rowKeys } from "./keys";
import { resolveMapping, type ColumnMapping } from "./mapping";
import { PRESETS, type DateFormat, type ImportKind, type ImportSource } from "./presets";
import { readJobRows, readTimeRows, type JobRecord, type RowProblem, type SourceRow, type TimeRecord } from "./rows";
import { MAX_IMPORT_ROWS } from "./schemas";

export interface ReadFile {
  source: ImportSource;
  kind: ImportKind;
  header: string[];
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  /** rows under the header */
  total: number;
  time: TimeRecord[];
  jobs: JobRecord[];
  problems: RowProblem[];
}

export interface ReadInput {
  csv: string;
  source?: ImportSource;
  mapping?: ColumnMapping;
  dateFormat?: DateFormat;
}

/** The file's header and rows, or invalid_input naming the `csv` field. */
export function parseImportCsv(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  if (text.includes("\u0000")) throw invalidInput("This is not a CSV file (it holds binary data)", { csv: ["Choose a CSV file: the export of Toggl, Clockify or Harvest, or a sheet saved as CSV"] });
  let parsed;
  try {
    parsed = parseCsv(text, { maxRecords: MAX_IMPORT_ROWS });
  } catch (e) {
    if (e instanceof CsvParseError) {
      const tooMany = /More than/.test(e.message);
      throw invalidInput(tooMany ? `More than ${MAX_IMPORT_ROWS} rows: export a shorter period` : `This is not a readable CSV file: ${e.message}`, { csv: [tooMany ? `At most ${MAX_IMPORT_ROWS} rows per import` : e.message] });
    }
    throw e;
  }
  if (parsed.header.length < 2 || parsed.header.every((h) => !h)) throw invalidInput("The file has no header line naming its columns", { csv: ["The first line must name the columns, e.g. Date,Client,Project,Duration"] });
  if (parsed.records.length === 0) throw invalidInput("The file has a header but no rows under it", { csv: ["No rows to import"] });
  if (parsed.records.length > MAX_IMPORT_ROWS) throw invalidInput(`More than ${MAX_IMPORT_ROWS} rows: export a shorter period`, { csv: [`At most ${MAX_IMPORT_ROWS} rows per import`] });
  return { header: parsed.header, rows: parsed.records };
}

export function readImportFile(input: ReadInput, bookCurrency: string): ReadFile {
  const { header, rows } = parseImportCsv(input.csv);
  const source = input.source ?? detectPreset(header)?.source;
  if (!source)
    throw invalidInput("We do not recognise this file's columns", {
      source: ["Choose what made the file (Toggl, Clockify, Harvest, or past jobs) and map its columns"],
    });
  const preset = PRESETS[source];
  const resolved = resolveMapping(preset.kind, source, header, input.mapping);
  if (!resolved.ok) throw invalidInput("Some fields have no column: map them", resolved.fields);
  const mapping: ColumnMapping = { ...resolved.resolved.column };
  const dateFormat = input.dateFormat ?? preset.dateFormat;
  const keys = rowKeys(source, rows.map((r) => r.cells));
  const sourceRows: SourceRow[] = rows.map((r, i) => ({ line: r.line, key: keys[i], cells: r.cells }));
  const ctx = { map: resolved.resolved, dateFormat, bookCurrency };
  const base = { source, kind: preset.kind, header, mapping, dateFormat, total: rows.length };
  if (preset.kind === "time") {
    const { records, problems } = readTimeRows(sourceRows, ctx);
    return { ...base, time: records, jobs: [], problems };
  }
  const { records, problems } = readJobRows(sourceRows, ctx);
  return { ...base, time: [], jobs: records, problems };
}
