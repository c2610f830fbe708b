/**
 * What a history import answers (server/history-import.ts): the preview of a file matched against the
 * book, and what an applied import created. Plain data, shared by the API, the actions and the Data page.
 */
import type { QuoteStatus } from "../domain";
import type { ColumnMapping } from "./mapping";
import type { DateFormat, ImportKind, ImportSource } from "./presets";
import type { RowProblem } from "./rows";

export interface PreviewRow {
  line: number;
  date: string;
  client: string;
  /** the project (time) or the job's title */
  title: string;
  minutes: number;
  amount: number | null;
  currency: string;
  status: QuoteStatus | null;
  outcome: "new" | "already imported" | "problem";
}

export interface PlannedQuote {
  client: string;
  title: string;
  /** the book's quote it goes on (matched), or null when the import creates it */
  id: number | null;
  minutes: number;
  amount: number;
  currency: string;
  entries: number;
}

export interface ImportPreview {
  source: ImportSource;
  kind: ImportKind;
  fileName: string | null;
  header: string[];
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  counts: {
    rows: number;
    clientsNew: number;
    clientsMatched: number;
    quotesNew: number;
    quotesMatched: number;
    entriesNew: number;
    /** rows (entries or jobs) the book already has from an earlier import of this file */
    alreadyImported: number;
    /** rows with a problem (not imported) */
    problemRows: number;
  };
  /** every problem, by line (the first 500) */
  problems: RowProblem[];
  /** currencies of the file with no rate to the book's: give one (fxRates) to import those rows */
  currenciesNeedingRate: string[];
  bookCurrency: string;
  quotes: PlannedQuote[];
  firstRows: PreviewRow[];
}

export interface ImportResult extends ImportPreview {
  /** null when the file added nothing (everything already imported, or every row a problem) */
  batchId: number | null;
  created: { clients: { id: number; name: string }[]; quotes: { id: number; clientId: number; title: string }[]; timeEntries: number };
}
