import { SearchX } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

/** "Nothing here": what happened and the way back (an unknown address, a deleted client or quote). */
export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <SearchX aria-hidden className="mx-auto size-10 text-stone-600 dark:text-stone-300" />
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">Nothing here</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        This page does not exist, or the client or quote it showed was deleted. Check the address, or go back to one of these.
      </p>
      <nav aria-label="Ways back" className="mt-6">
        <ul className="flex flex-wrap justify-center gap-2">
          <li>
            <ButtonLink href="/">Today</ButtonLink>
          </li>
          <li>
            <ButtonLink href="/dashboard" variant="secondary">
              Dashboard
            </ButtonLink>
          </li>
          <li>
            <ButtonLink href="/clients" variant="secondary">
              Clients
            </ButtonLink>
          </li>
          <li>
            <ButtonLink href="/offer" variant="secondary">
              Check an offer
            </ButtonLink>
          </li>
        </ul>
      </nav>
    </div>
  );
}
