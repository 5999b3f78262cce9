/** Stripe's form encoding (`line_items[0][price]=p&metadata[userId]=u`) back into nested objects; lists stay keyed "0", "1"…. */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export function parseStripeForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const [head, ...rest] = name.split("[");
    const path = [head, ...rest.map((part) => part.replace(/]$/, ""))];
    let node = root;
    path.slice(0, -1).forEach((key) => {
      const next = node[key];
      node = typeof next === "object" ? next : (node[key] = {});
    });
    node[path[path.length - 1]] = value;
  }
  return root;
}

export const text = (value: FormValue | undefined): string | undefined => (typeof value === "string" ? value : undefined);
export const object = (value: FormValue | undefined): FormObject => (typeof value === "object" ? value : {});

/** A form object's string leaves, e.g. `metadata`. */
export function strings(value: FormValue | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(object(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
