import type { Metadata } from "next";
import { NotFoundPage } from "@/components/not-found-page";

export const metadata: Metadata = { title: "Not found" };

/** Any unknown address: outside the app's layout (app/(app)/), so it brings its own landmark. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-6 pt-4 sm:px-6 sm:pt-6">
      <NotFoundPage />
    </main>
  );
}
