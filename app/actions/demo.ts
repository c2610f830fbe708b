"use server";
import { loadDemoBook } from "@/server/demo";
import { runAction } from "./_lib/safe-action";

/** The first screen's "Load demo data" button (a plain form action). */
export async function loadDemoAction(): Promise<void> {
  await runAction((db) => {
    loadDemoBook(db);
    return "/";
  });
}
