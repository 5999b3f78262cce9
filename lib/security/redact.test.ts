import { describe, expect, it } from "vitest";
import { credentialsSent, redactSecrets } from "./redact";

describe("keeping secrets out of error messages", () => {
  it("masks every occurrence of each secret to its last four characters", () => {
    const key = "sk-proj-abcdefghijklmnop1234";
    expect(redactSecrets(`Invalid API key: ${key} (key ${key})`, [key])).toBe("Invalid API key: ••••1234 (key ••••1234)");
    expect(redactSecrets("nothing to hide", [key, "short"])).toBe("nothing to hide");
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
