import { deleteTimeEntry } from "@/server/time-entries";
import { handler, pathId } from "../../../../_lib/http";

type P = { id: string; entryId: string };
/** Remove one time entry logged by mistake. */
export const DELETE = handler<P>((_req, db, p) => {
  deleteTimeEntry(db, pathId(p.id, "quote"), pathId(p.entryId, "time entry"));
});
