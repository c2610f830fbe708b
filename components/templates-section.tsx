import type { ActionState, FormAction } from "@/lib/action-state";
import type { Template } from "@/server/templates";
import { DEFAULT_DECLINE_TEMPLATE } from "@/lib/offer-check";
import { label } from "@/lib/domain";
import { Badge, Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/confirm-button";
import { TemplateForm } from "@/components/forms/template-form";

/** The user's decline and counter-offer messages, used by the offer check. */
export interface TemplateActions {
  create: FormAction;
  update: (id: number, prev: ActionState, formData: FormData) => Promise<ActionState>;
  remove: (id: number) => Promise<ActionState>;
}

export function TemplatesSection({ templates, actions }: { templates: Template[]; actions: TemplateActions }) {
  return (
    <Card title="Messages" id="templates">
      <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
        The offer check fills these in for you. With none of your own, the decline is the essay&rsquo;s line: “{DEFAULT_DECLINE_TEMPLATE}”
      </p>
      <ul className="divide-y divide-stone-100 dark:divide-stone-800">
        {templates.map((t) => (
          <li key={t.id} className="py-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t.name}</span>
              <Badge tone="info">{label(t.kind)}</Badge>
              {t.isDefault ? <Badge tone="good">Default</Badge> : null}
            </div>
            <p className="mt-1 whitespace-pre-wrap text-sm text-stone-700 dark:text-stone-300">{t.body}</p>
            <details className="mt-2">
              <summary className="inline-flex min-h-10 cursor-pointer items-center text-sm text-sky-800 dark:text-sky-300">Edit {t.name}</summary>
              <div className="mt-2 space-y-3">
                <TemplateForm action={actions.update.bind(null, t.id)} template={t} />
                <ConfirmButton action={actions.remove.bind(null, t.id)} label="Delete template" confirm={`Delete the template "${t.name}"?`} variant="secondary" />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <div className="mt-4 border-t border-stone-200 pt-4 dark:border-stone-800">
        <h3 className="mb-3 text-sm font-semibold">Add a message</h3>
        <TemplateForm action={actions.create} submitLabel="Add template" />
      </div>
    </Card>
  );
}
