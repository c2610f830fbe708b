import { deleteRate, getRate } from "@/server/exchange-rates";
import { handler, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getRate(db, pathId(p.id, "exchange rate")));
export const DELETE = handler<P>((_req, db, p) => {
  deleteRate(db, pathId(p.id, "exchange rate"));
});
