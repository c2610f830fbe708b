import type { Metadata } from "next";
import { NotFoundPage } from "@/components/not-found-page";

export const metadata: Metadata = { title: "Not found" };

/** A client or quote that does not exist (the pages call notFound()), inside the app's navigation. */
export default function NotFound() {
  return <NotFoundPage />;
}
