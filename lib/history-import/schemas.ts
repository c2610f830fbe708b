/**
 * The history import's input, as the API and the Data page's actions send it: the file's text, which
 * preset reads it (absent: guessed from the header), the column mapping (absent: the preset's), the date
 * format (absent: the preset's), rates for amounts in other currencies, and whether to only preview.
 */
import { z } from "@/lib/zod";
import { currencySchema, fxRateSchema, idSchema, optionalText } from "../schemas";
import { DATE_FORMATS, IMPORT_SOURCES, JOB_FIELDS, TIME_FIELDS, type ImportField } from "./presets";

/** Largest file read (characters): about 2 MB, some 10,000 rows of a time tracker's export. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** Most rows one import reads. */
export const MAX_IMPORT_ROWS = 5_000;

const columnName = z.string({ error: "Choose a column" }).trim().max(200, "A column name is at most 200 characters");
const ALL_FIELDS = [...new Set<ImportField>([...TIME_FIELDS, ...JOB_FIELDS])];

/** Field → the file's column that fills it ("" for none). */
export const columnMappingSchema = z.object(Object.fromEntries(ALL_FIELDS.map((f) => [f, columnName.optional()])) as Record<ImportField, z.ZodOptional<typeof columnName>>);

export const historyImportSchema = z.object({
  source: z.enum(IMPORT_SOURCES, { error: "Choose what made the file: toggl, clockify, harvest or jobs" }).optional(),
  csv: z
    .string({ error: "Choose a CSV file or paste its text" })
    .max(MAX_IMPORT_CHARS, `The file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB: export a shorter period`)
    .refine((t) => t.trim().length > 0, "The file is empty: choose a CSV file or paste its text"),
  mapping: columnMappingSchema.optional(),
  fileName: optionalText(255, "File name"),
  dateFormat: z.enum(DATE_FORMATS, { error: `Choose a date format: ${DATE_FORMATS.join(", ")}` }).optional(),
  /** currency → what 1 unit of it is in the book's currency, for amounts in the file in that currency */
  fxRates: z.record(currencySchema, fxRateSchema).optional(),
  /** the rate-card service the quotes this import creates are priced on (absent: none, not compared with your rates) */
  serviceId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
  /** true (the default): read and count, write nothing */
  dryRun: z.boolean({ error: "dryRun is true or false" }).default(true),
});
export type HistoryImportInput = z.infer<typeof historyImportSchema>;
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;
