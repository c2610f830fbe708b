/**
 * The files a freelancer already has: the CSV exports of Toggl Track, Clockify and Harvest (time
 * entries), and a spreadsheet of past jobs or invoices. Each preset names the columns its tool writes
 * and the date format it uses; the column mapper (mapping.ts) starts from them. Pure data.
 *
 * Column names as the tools write them (looked up, not guessed):
 * - Toggl Track, Reports → Detailed → Export CSV: User, Email, Client, Project, Task, Description,
 *   Billable, Start date, Start time, End date, End time, Duration (hh:mm:ss), Tags, Amount (USD) — the
 *   amount column carries the workspace currency in brackets ("Amount ()" when none is set). Dates YYYY-MM-DD.
 * - Clockify, Reports → Detailed → Export CSV: Project, Client, Description, Task, User, Group, Email,
 *   Tags, Billable, Start Date, Start Time, End Date, End Time, Duration (h) (hh:mm:ss), Duration (decimal),
 *   Billable Rate (USD), Billable Amount (USD). Dates MM/DD/YYYY by default (the workspace's date format).
 * - Harvest, Reports → Detailed time → Export CSV: Date, Client, Project, Project Code, Task, Notes, Hours
 *   (decimal), Hours Rounded, Billable?, Invoiced?, Approved?, First Name, Last Name, Roles, Employee?,
 *   Billable Rate, Billable Amount, Cost Rate, Cost Amount, Currency ("Euro - EUR" or "EUR"), External
 *   Reference URL. Dates YYYY-MM-DD (Harvest's own import also reads M/D/YYYY).
 */
export const IMPORT_SOURCES = ["toggl", "clockify", "harvest", "jobs"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const DATE_FORMATS = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** What a row of time entries is read into. */
export const TIME_FIELDS = ["date", "client", "project", "duration", "billable", "amount", "currency", "note"] as const;
/** What a row of past jobs is read into. */
export const JOB_FIELDS = ["client", "title", "date", "amount", "currency", "hours", "status"] as const;
export type TimeField = (typeof TIME_FIELDS)[number];
export type JobField = (typeof JOB_FIELDS)[number];
export type ImportField = TimeField | JobField;

export type ImportKind = "time" | "jobs";

export interface Preset {
  source: ImportSource;
  kind: ImportKind;
  label: string;
  /** where the file comes from, in the tool's own words */
  howToExport: string;
  dateFormat: DateFormat;
  /** the columns the tool writes (an entry ending in "(" matches any currency suffix: "Amount (USD)") */
  header: readonly string[];
  /** per field, the columns that fill it, first found wins */
  columns: Partial<Record<ImportField, readonly string[]>>;
  /** fields a row cannot do without */
  required: readonly ImportField[];
}

export const PRESETS: Record<ImportSource, Preset> = {
  toggl: {
    source: "toggl",
    kind: "time",
    label: "Toggl Track (detailed report)",
    howToExport: "In Toggl Track: Reports → Detailed → Export → Download CSV.",
    dateFormat: "YYYY-MM-DD",
    header: ["User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date", "Start time", "End date", "End time", "Duration", "Tags", "Amount ("],
    columns: { date: ["Start date"], client: ["Client"], project: ["Project"], duration: ["Duration"], billable: ["Billable"], amount: ["Amount ("], note: ["Description"] },
    required: ["date", "client", "project", "duration"],
  },
  clockify: {
    source: "clockify",
    kind: "time",
    label: "Clockify (detailed report)",
    howToExport: "In Clockify: Reports → Detailed → Export → Save as CSV.",
    dateFormat: "MM/DD/YYYY",
    header: [
      "Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags", "Billable", "Start Date", "Start Time", "End Date", "End Time",
      "Duration (h)", "Duration (decimal)", "Billable Rate (", "Billable Amount (",
    ],
    columns: {
      date: ["Start Date"],
      client: ["Client"],
      project: ["Project"],
      duration: ["Duration (h)", "Duration (decimal)"],
      billable: ["Billable"],
      amount: ["Billable Amount ("],
      note: ["Description"],
    },
    required: ["date", "client", "project", "duration"],
  },
  harvest: {
    source: "harvest",
    kind: "time",
    label: "Harvest (detailed time report)",
    howToExport: "In Harvest: Reports → Detailed time → Export → CSV.",
    dateFormat: "YYYY-MM-DD",
    header: [
      "Date", "Client", "Project", "Project Code", "Task", "Notes", "Hours", "Hours Rounded", "Billable?", "Invoiced?", "Approved?", "First Name", "Last Name",
      "Roles", "Employee?", "Billable Rate", "Billable Amount", "Cost Rate", "Cost Amount", "Currency", "External Reference URL",
    ],
    columns: { date: ["Date"], client: ["Client"], project: ["Project"], duration: ["Hours"], billable: ["Billable?"], amount: ["Billable Amount"], currency: ["Currency"], note: ["Notes"] },
    required: ["date", "client", "project", "duration"],
  },
  jobs: {
    source: "jobs",
    kind: "jobs",
    label: "Past jobs or invoices (a spreadsheet)",
    howToExport: "One row per job: client, title, date, amount, currency, hours, status. Save the sheet as CSV.",
    dateFormat: "YYYY-MM-DD",
    header: ["Client", "Title", "Date", "Amount", "Currency", "Hours", "Status"],
    columns: {
      client: ["Client", "Customer", "Client name", "Company"],
      title: ["Title", "Job", "Project", "Description", "Item"],
      date: ["Date", "Invoice date", "Issued", "Issue date", "Completed", "Done on"],
      amount: ["Amount", "Total", "Price", "Fee", "Invoice total"],
      currency: ["Currency"],
      hours: ["Hours", "Time", "Hours spent", "Duration"],
      status: ["Status", "State"],
    },
    required: ["client", "title", "date", "amount", "hours"],
  },
};

export const FIELD_LABELS: Record<ImportField, string> = {
  date: "Date",
  client: "Client",
  project: "Project",
  duration: "Duration",
  billable: "Billable",
  amount: "Amount",
  currency: "Currency",
  note: "Note",
  title: "Job title",
  hours: "Hours",
  status: "Status",
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === "time" ? TIME_FIELDS : JOB_FIELDS;
}

/** Header names compared without case or surrounding spaces. */
export const normaliseColumn = (c: string) => c.trim().toLowerCase().replace(/\s+/g, " ");

/** Does a header cell match a preset's column name ("Amount (" matches "Amount (USD)" and "Amount ()")? */
export function columnMatches(headerCell: string, wanted: string): boolean {
  const h = normaliseColumn(headerCell);
  const w = normaliseColumn(wanted);
  return w.endsWith("(") ? h.startsWith(w) && h.endsWith(")") : h === w;
}
