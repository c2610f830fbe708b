import { getClientRates, setClientRate } from "@/server/raises";
import { clientRateSchema } from "@/lib/raise-schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** The client's own rates: { clientId, rates } (by service, oldest first). */
export const GET = handler<P>((_req, db, p) => getClientRates(db, pathId(p.id, "client")));
/** Their rate for a service from a day on (the row from that very day is replaced); below the floor needs confirmBelowFloor. */
export const POST = handler<P>(async (req, db, p) => setClientRate(db, pathId(p.id, "client"), await parseBody(req, clientRateSchema)), { status: 201 });
