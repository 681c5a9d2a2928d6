// POST /api/uploads/logo: a shop logo (see packages/api/src/http/uploads).
import { uploadRoute } from "../upload-route";

export const POST = uploadRoute("logo");
export const dynamic = "force-dynamic";
