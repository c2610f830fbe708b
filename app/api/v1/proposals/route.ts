import { todayFor } from "@/server/clock";
import { listProposalViews } from "@/server/proposal-views";
import { handler } from "../_lib/http";

/** Every proposal: status, options with prices, the client's choice. */
export const GET = handler((_req, db) => listProposalViews(db, todayFor(db)));
