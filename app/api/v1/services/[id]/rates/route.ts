import { changeServiceRates, getService, getServiceRates } from "@/server/services";
import { serviceRatesChangeSchema } from "@/lib/rates";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** The service's rate history, oldest first: { service, rates }. */
export const GET = handler<P>((_req, db, p) => getServiceRates(db, pathId(p.id, "service")));
/** New rates from a day on (the row from that very day is replaced): { service, rates } after the change. */
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "service");
  getService(db, id);
  return changeServiceRates(db, id, await parseBody(req, serviceRatesChangeSchema));
}, { status: 201 });
