import type { Locator, Page } from "playwright-core";

export const PASSWORD = "a long password";

/** Signs up on /signup and waits for My API; returns the default token shown there. */
export async function signUp(page: Page, url: string, email: string): Promise<string> {
  await page.goto(`${url}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
  return page.getByTestId("api-token").inputValue();
}

/**
 * Fills Providers' form and submits it; resolves with the form's outcome: the saved message, or
 * the error the form showed.
 */
export async function addCredential(page: Page, fields: { provider: string; secret: string; label?: string }): Promise<{ ok: boolean; text: string }> {
  const form = page.getByTestId("add-credential");
  await form.locator("select[name=provider]").selectOption(fields.provider);
  await form.locator("input[name=label]").fill(fields.label ?? "");
  await form.locator("input[name=secret]").fill(fields.secret);
  // The server action answers the page's own URL; the button reads "Add credential" again once its result is rendered.
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/dashboard/providers", { timeout: 30_000 });
  await form.getByRole("button", { name: "Add credential" }).click();
  await answered;
  await form.getByRole("button", { name: "Add credential" }).waitFor({ timeout: 20_000 });
  const outcome = form.getByTestId("add-credential-result").or(form.getByTestId("add-credential-error"));
  await outcome.waitFor({ timeout: 5_000 });
  return { ok: (await outcome.getAttribute("data-testid")) === "add-credential-result", text: (await outcome.textContent()) ?? "" };
}

/** The row of the credential whose masked form ends with these four characters. */
export function credentialRow(page: Page, last4: string): Locator {
  return page.getByTestId("credentials").locator("li", { has: page.getByTestId("credential-masked").getByText(`••••${last4}`, { exact: false }) });
}
