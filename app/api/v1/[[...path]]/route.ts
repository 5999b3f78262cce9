// Every method goes through the API's routes table, as in the lean server (lib/server/next-api-route).
import { serveApiRoute } from "@/lib/server/next-api-route";

export const dynamic = "force-dynamic";
export { serveApiRoute as GET, serveApiRoute as HEAD, serveApiRoute as POST, serveApiRoute as PUT, serveApiRoute as PATCH, serveApiRoute as DELETE, serveApiRoute as OPTIONS };
