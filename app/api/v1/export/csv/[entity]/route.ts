import { CSV_ENTITIES, exportCsv, type CsvEntity } from "@/server/csv";
import { todayFor } from "@/server/clock";
import { notFound } from "@/lib/errors";
import { handler } from "../../../_lib/http";

type P = { entity: string };
/** One table as CSV for a spreadsheet: clients, quotes, events (negotiation steps), interactions or time-entries (time spent). */
export const GET = handler<P>((_req, db, p) => {
  const entity = CSV_ENTITIES.find((e) => e === p.entity) as CsvEntity | undefined;
  if (!entity) throw notFound(`CSV export (use one of ${CSV_ENTITIES.join(", ")})`, String(p.entity).slice(0, 50));
  return new Response(exportCsv(db, entity), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="walkaway-${entity}-${todayFor(db)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
