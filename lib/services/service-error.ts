import { GatewayError } from "@/lib/errors/gateway-error";

export const conflict = (message: string, param?: string) =>
  new GatewayError(409, "invalid_request_error", message, { param, code: "conflict" });
