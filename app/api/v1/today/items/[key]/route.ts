import { notFound } from "@/lib/errors";
import { todayItemKeySchema, todayItemStateSchema } from "@/lib/today/schemas";
import { todayFor } from "@/server/clock";
import { clearTodayItemState, setTodayItemState } from "@/server/today-actions";
import { handler, parseBody } from "../../../_lib/http";

type P = { key: string };

/** An item key from the path ("answer:quote:12", maybe percent-encoded); anything else is a 404. */
function itemKey(raw: string): string {
  let key = raw;
  try {
    key = decodeURIComponent(raw);
  } catch {
    throw notFound("Today item", raw);
  }
  const parsed = todayItemKeySchema.safeParse(key);
  if (!parsed.success) throw notFound("Today item", raw);
  return parsed.data;
}

/** Mark the item done, snoozed (until a day; a week by default) or not relevant, while its facts hold. */
export const PUT = handler<P>(async (req, db, p) => {
  const key = itemKey(p.key);
  return setTodayItemState(db, key, await parseBody(req, todayItemStateSchema), todayFor(db));
});

/** Clear the mark: the item is open again. */
export const DELETE = handler<P>((_req, db, p) => clearTodayItemState(db, itemKey(p.key)));
