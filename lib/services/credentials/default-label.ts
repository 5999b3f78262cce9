/**
 * The name of a credential saved without a label: the provider's name, then "OpenAI 2",
 * "OpenAI 3"…, the first that none of the user's credentials has, so two keys read apart.
 */
export function defaultLabel(providerName: string, taken: string[]): string {
  const names = new Set(taken);
  if (!names.has(providerName)) return providerName;
  let n = 2;
  while (names.has(`${providerName} ${n}`)) n++;
  return `${providerName} ${n}`;
}
