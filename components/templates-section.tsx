/** Message templates (decline / counter) are managed here once the offer check lands. */
export function TemplatesSection() {
  return null;
}
