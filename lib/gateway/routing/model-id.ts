/** OpenRouter's model variants: suffixes that change how a model is served, not which model it is. */
export const VARIANTS = ["nitro", "floor", "free", "online", "thinking", "exacto"] as const;
export type Variant = (typeof VARIANTS)[number];

const PRESET = "@preset/";

/** A requested model id taken apart: `openai/gpt-oss-20b:free:online`, `openai/gpt-4o@preset/support`. */
export interface ModelId {
  /** As the client wrote it: what an OpenRouter credential receives. */
  id: string;
  /** The model without variants or preset (empty for a bare `@preset/…`). */
  base: string;
  variants: Set<Variant>;
  preset?: string;
}

const isVariant = (text: string): text is Variant => (VARIANTS as readonly string[]).includes(text);

/**
 * Only the known variants are taken off: other colons stay part of the name, as in the tags of a
 * local model server (`llama3.1:8b`).
 */
export function parseModelId(id: string): ModelId {
  const at = id.indexOf(PRESET);
  const preset = at >= 0 ? id.slice(at + PRESET.length) : undefined;
  let base = at >= 0 ? id.slice(0, at) : id;
  const variants = new Set<Variant>();
  for (let colon = base.lastIndexOf(":"); colon > 0; colon = base.lastIndexOf(":")) {
    const suffix = base.slice(colon + 1);
    if (!isVariant(suffix)) break;
    variants.add(suffix);
    base = base.slice(0, colon);
  }
  return { id, base, variants, ...(preset !== undefined ? { preset } : {}) };
}

/** What follows the base in the client's id (`:online`, `@preset/x`), to put after another spelling of the model. */
export function suffixOf(model: ModelId): string {
  return model.id.startsWith(model.base) ? model.id.slice(model.base.length) : "";
}
