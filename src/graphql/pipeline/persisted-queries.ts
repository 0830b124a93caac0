// Automatic persisted queries (Apollo's protocol): a client sends a document's SHA-256 alone and,
// told PERSISTED_QUERY_NOT_FOUND, sends it once with its text; the hub keeps recent documents by
// hash, so repeated requests need not carry their text over either transport.
import { createHash } from "node:crypto";
import { HubError } from "../../core/errors";
import { OperationRequest } from "./operation-request";
import { RecentlyUsed } from "./recently-used";

const KEPT_DOCUMENTS = 1000;
const SHA256 = /^[0-9a-f]{64}$/;

function refused(message: string): HubError {
  return new HubError("BAD_REQUEST", message, { http: { status: 400 } });
}

export class PersistedQueries {
  private readonly byHash = new RecentlyUsed<string>(KEPT_DOCUMENTS);

  /** The document a request asks to run: its own text, or the one its hash names. */
  documentOf(request: OperationRequest): string {
    const persisted = request.extensions.persistedQuery as Record<string, unknown> | undefined;
    if (!persisted) return request.query!;
    if (persisted.version !== 1) throw refused("Unsupported persisted query version");
    const hash = persisted.sha256Hash;
    if (typeof hash !== "string" || !SHA256.test(hash)) {
      throw refused("`persistedQuery.sha256Hash` must be a SHA-256 in hexadecimal");
    }
    if (request.query === undefined) {
      const known = this.byHash.get(hash);
      if (known === undefined) {
        throw new HubError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound", {
          http: { status: 200 },
        });
      }
      return known;
    }
    if (createHash("sha256").update(request.query).digest("hex") !== hash) {
      throw refused("provided sha does not match query");
    }
    this.byHash.set(hash, request.query);
    return request.query;
  }
}
