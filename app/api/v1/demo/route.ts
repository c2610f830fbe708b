import { loadDemoBook, removeDemoData } from "@/server/demo";
import { conflict } from "@/lib/errors";
import { listClients } from "@/server/clients";
import { handler } from "../_lib/http";

/** A client the demo book always creates: its presence means the demo is already loaded. */
const DEMO_MARKER = "Brightline Media";

/**
 * POST /api/v1/demo: load the demo book (as the "Load demo data" button does), even into a book that
 * already has data. 201 with the counts; 409 when the demo is already there (loading twice would
 * duplicate every client).
 */
export const POST = handler(
  (_req, db) => {
    if (listClients(db, { q: DEMO_MARKER }).some((c) => c.name === DEMO_MARKER)) {
      throw conflict(`The demo book is already loaded (a client named "${DEMO_MARKER}" exists)`);
    }
    return loadDemoBook(db);
  },
  { status: 201 },
);

/**
 * DELETE /api/v1/demo: remove exactly the rows the demo book wrote, keeping everything the user added
 * (and the demo rows it hangs on, which become the user's). 200 with what was removed and kept.
 */
export const DELETE = handler((_req, db) => removeDemoData(db));
