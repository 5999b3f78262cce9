import { notFound } from "next/navigation";
import { isGatewayError } from "./gateway-error";

/**
 * A dashboard action's service call: an id the account does not own (another account's, or none)
 * answers as Next.js's 404, as an unknown page would, instead of an unexpected 500.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isGatewayError(error) && error.status === 404) notFound();
    throw error;
  }
}
