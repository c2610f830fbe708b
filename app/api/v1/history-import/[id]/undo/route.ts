import { undoImport } from "@/server/history-import";
import { handler, pathId } from "../../../_lib/http";

/** Undo one history import: the rows it created are removed in one transaction (what you built on since stays). */
export const POST = handler<{ id: string }>((_req, db, p) => undoImport(db, pathId(p.id, "import")));
