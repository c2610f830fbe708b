"use server";
import { loadDemoBook } from "@/server/demo";
import { idAction } from "./_lib/safe-action";

const loadDemo = idAction({
  run: (db) => {
    loadDemoBook(db);
    return "/";
  },
});

/** The first screen's "Load demo data" button (a plain form action). */
export async function loadDemoAction(): Promise<void> {
  await loadDemo();
}
