import { CSV_ENTITIES, exportCsv, type CsvEntity } from "@/db/csv";
import { today } from "@/db/queries";
import { HttpError, handler } from "../../../_lib/http";

type P = { entity: string };
/** One table as CSV for a spreadsheet: clients, quotes, events (negotiation steps) or interactions. */
export const GET = handler<P>((_req, db, p) => {
  const entity = CSV_ENTITIES.find((e) => e === p.entity) as CsvEntity | undefined;
  if (!entity) throw new HttpError(404, `No CSV export named "${String(p.entity).slice(0, 50)}": use one of ${CSV_ENTITIES.join(", ")}`);
  return new Response(exportCsv(db, entity), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="walkaway-${entity}-${today()}.csv"`,
      "cache-control": "no-store",
    },
  });
});
