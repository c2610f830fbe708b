"use client";
import { useActionState, useState } from "react";
import { idle } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DataActionState } from "@/lib/action-state";

/** Upload a whole-book JSON export: merge it into the book, or replace the book with it. */
export function ImportBookForm({ action, maxBytes }: { action: (prev: DataActionState, fd: FormData) => Promise<DataActionState>; maxBytes: number }) {
  // a file over the limit is refused here, with the same words as the server: sent, it would be cut off
  // by the framework's own body limit before our action could answer
  const [state, formAction] = useActionState(async (prev: DataActionState, fd: FormData): Promise<DataActionState> => {
    const file = fd.get("file");
    if (file instanceof File && file.size > maxBytes) {
      const message = `The JSON export file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
      return { status: "error", message, fields: { file: [message] } };
    }
    return action(prev, fd);
  }, idle as DataActionState);
  // uncontrolled radios whose default follows the choice: React resets the form after each submit
  // (the file input empties), and the reset must land on the mode the user picked
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const err = (k: string) => state.fields?.[k]?.join(" ");
  return (
    <form action={formAction} aria-label="Import a JSON export" className="space-y-4" noValidate>
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">
          Export file (.json)
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept="application/json,.json"
          required
          aria-invalid={err("file") ? true : undefined}
          aria-describedby={err("file") ? "import-file-error" : undefined}
          className="mt-1 block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm dark:file:border-stone-600 dark:file:bg-stone-900 dark:file:text-stone-100"
        />
        {err("file") ? (
          <p id="import-file-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {err("file")}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">How to import</legend>
        <label className="mt-1 flex min-h-10 items-start gap-2 text-sm">
          <input type="radio" name="mode" value="merge" defaultChecked={mode === "merge"} onChange={() => setMode("merge")} className="mt-1 size-4 accent-sky-700" />
          <span>
            <strong>Merge</strong>: add the file&rsquo;s clients, quotes and history to your book (new ids; your settings stay).
          </span>
        </label>
        <label className="flex min-h-10 items-start gap-2 text-sm">
          <input type="radio" name="mode" value="replace" defaultChecked={mode === "replace"} onChange={() => setMode("replace")} className="mt-1 size-4 accent-sky-700" />
          <span>
            <strong>Replace</strong>: the file becomes your whole book, settings included (ids kept).
          </span>
        </label>
      </fieldset>
      {mode === "replace" ? (
        <div>
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" name="confirmReplace" className="size-4 accent-sky-700" aria-describedby={err("confirmReplace") ? "confirm-replace-error" : undefined} />
            I understand everything in Walkaway now is replaced (a backup is taken first).
          </label>
          {err("confirmReplace") ? (
            <p id="confirm-replace-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
              {err("confirmReplace")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Importing…">{mode === "replace" ? "Replace my book" : "Import"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
