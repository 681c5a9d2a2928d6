// POST /api/uploads/images: a product picture (see packages/api/src/http/uploads).
import { uploadRoute } from "../upload-route";

export const POST = uploadRoute("product");
export const dynamic = "force-dynamic";
