import { NavBar } from "@/components/nav-bar";
import { QuickCapture } from "@/components/quick-capture/quick-capture";
import { previewQuickCaptureAction, saveQuickCaptureAction } from "@/app/actions/quick-capture";
import { isSignedIn } from "@/server/auth/state";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { toAppError } from "@/server/errors";
import { needsFirstRun } from "@/server/settings";
import { todayCount } from "@/server/today";

/**
 * Today's open items for the nav's badge: null when there is nothing to count (signed out, the first
 * run) or the book cannot be read (the page itself says why). Every write's revalidation of the layout
 * (app/actions/_lib/safe-action.ts) counts again.
 */
async function openItems(): Promise<number | null> {
  // outside the try: Next's own signal that the layout is rendered per request must not be caught
  const { connection } = await import("next/server");
  await connection();
  try {
    if (!(await isSignedIn())) return null;
    const db = await readyDb();
    if (needsFirstRun(db)) return null;
    return todayCount(db, todayFor(db));
  } catch (e) {
    // the page itself reports a book it cannot read; here the badge is left out (logged when unexpected)
    toAppError(e);
    return null;
  }
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const todayOpen = await openItems();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-black">
        Skip to content
      </a>
      <NavBar todayCount={todayOpen} quickLog={<QuickCapture preview={previewQuickCaptureAction} save={saveQuickCaptureAction} />} />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-6 pt-4 sm:px-6 sm:pt-6">
        {children}
      </main>
    </>
  );
}
