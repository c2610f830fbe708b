"use server";
import type { ActionState } from "@/lib/action-state";
import { plural } from "@/lib/text";
import { loadDemoBook, removeDemoData, type DemoRemoval } from "@/server/demo";
import { runAction } from "./_lib/safe-action";

/** The first screen's "Load demo data" button (a plain form action). */
export async function loadDemoAction(): Promise<void> {
  await runAction((db) => {
    loadDemoBook(db);
    return "/";
  });
}

/** "Demo data removed: 9 clients, 23 quotes and 4 services. Kept because you added to them: Brightline Media." */
function removalMessage(r: DemoRemoval): string {
  const removed = [plural(r.removed.clients, "client"), plural(r.removed.quotes, "quote"), plural(r.removed.services, "service")].join(", ");
  const kept = [...r.kept.clients, ...r.kept.services];
  return `Demo data removed (${removed}).${kept.length ? ` Kept because you added to them, now yours: ${kept.join(", ")}.` : ""}`;
}

/** Settings' "Remove demo data" button: exactly the demo's rows go, anything the user added stays. */
export async function removeDemoAction(): Promise<ActionState> {
  let message = "";
  const state = await runAction((db) => {
    message = removalMessage(removeDemoData(db));
  });
  return state.status === "ok" ? { ...state, message } : state;
}
