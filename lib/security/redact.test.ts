import { describe, expect, it } from "vitest";
import { echoedForms } from "@/test/support/attack-inputs";
import { credentialsSent, redactJsonText, redactorFor, redactSecrets } from "./redact";

// A key with the characters escaping and encoding change (Cloudflare and custom endpoint tokens have them).
const KEY = "sk-test/ab+cd=ef_0123456789-7c41";

describe("keeping secrets out of error messages", () => {
  it("masks every occurrence of each secret to its last four characters", () => {
    const key = "sk-proj-abcdefghijklmnop1234";
    expect(redactSecrets(`Invalid API key: ${key} (key ${key})`, [key])).toBe("Invalid API key: ••••1234 (key ••••1234)");
    expect(redactSecrets("nothing to hide", [key, "short"])).toBe("nothing to hide");
  });

  it("masks the forms an upstream can echo a key in: JSON-escaped, URL-encoded, base64 and base64url at any offset", () => {
    for (const [name, form] of Object.entries(echoedForms(KEY))) {
      const out = redactSecrets(`the provider said: ${form} (again: x${form}y)`, [KEY]);
      expect(out, name).not.toContain(form);
      expect(out, name).toContain("••••7c41");
      // Nothing decodes back to the key either.
      for (const decoded of [out, Buffer.from(out.split("said: ")[1] ?? "", "base64").toString("latin1")]) expect(decoded, name).not.toContain(KEY);
    }
  });

  it("masks a key in an upstream's JSON event whatever escapes spell it", () => {
    const escaped = [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    const event = `{"error":{"message":"bad key ${escaped}","metadata":{"raw":["${KEY.replace(/\//g, "\\/")}"]}}}`;
    const out = redactJsonText(event, redactorFor([KEY]));
    expect(JSON.parse(out)).toEqual({ error: { message: "bad key ••••7c41", metadata: { raw: ["••••7c41"] } } });
    expect(redactJsonText(`not json ${KEY}`, redactorFor([KEY]))).toBe("not json ••••7c41");
  });

  it("finds the credential a provider request carries, in whichever place it travels", () => {
    const sent = credentialsSent("https://generativelanguage.example/v1beta/models/x:generateContent?key=AIza-query-key-0001", {
      Authorization: "Bearer sk-ant-oat01-bearer-0002",
      "x-api-key": "sk-ant-api03-header-0003",
      "content-type": "application/json",
    });
    expect(sent).toEqual(["sk-ant-oat01-bearer-0002", "sk-ant-api03-header-0003", "AIza-query-key-0001"]);
  });
});
