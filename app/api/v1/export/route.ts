import { exportBook } from "@/server/book";
import { handler } from "../_lib/http";

/** The whole book as one versioned JSON file (a download). */
export const GET = handler((_req, db) => {
  const file = exportBook(db);
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="walkaway-export-${file.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});
