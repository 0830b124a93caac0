// The page's only way to the hub: GraphQL over HTTP (fetch) and over graphql-ws, both carrying
// the token the user gave, on the same origin that served the page.
import { Client, createClient } from "graphql-ws";

export interface HubError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface HubResponse<T> {
  data?: T | null;
  errors?: HubError[];
}

/** A request the hub refused, or could not be made; `errors` hold the hub's own errors. */
export class RequestFailed extends Error {
  constructor(readonly errors: HubError[]) {
    super(errors.map((error) => error.message).join("; "));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

const TOKEN_KEY = "hub.token";
const API_PATH = "graphql";

/** Reconnection waits: quick at first, then every five seconds at most. */
function retryDelay(retries: number): number {
  return Math.min(250 * 2 ** retries, 5000);
}

export class HubApi {
  private token = localStorage.getItem(TOKEN_KEY) ?? "";
  private readonly apiUrl = new URL(API_PATH, document.baseURI);

  get hasToken(): boolean {
    return this.token !== "";
  }

  /** Keeps the token for this browser; the next request and connection carry it. */
  setToken(token: string): void {
    this.token = token.trim().replace(/^Bearer\s+/i, "");
    if (this.token) localStorage.setItem(TOKEN_KEY, this.token);
    else localStorage.removeItem(TOKEN_KEY);
  }

  /** Who the token says the user is, read from its claims (the hub checks the signature). */
  claims(): { role?: string; cities?: string[] } {
    try {
      const payload = this.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes)) as { role?: string; cities?: string[] };
    } catch {
      return {};
    }
  }

  private authorization(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** The hub's whole answer, data and errors alike; throws only when there is no answer. */
  async request<T>(query: string, variables: object = {}): Promise<HubResponse<T>> {
    let response: Response;
    try {
      response = await fetch(this.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...this.authorization() },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new RequestFailed([{ message: "the hub does not answer" }]);
    }
    return (await response.json()) as HubResponse<T>;
  }

  /** The data, or RequestFailed with the hub's errors. */
  async query<T>(query: string, variables: object = {}): Promise<T> {
    const { data, errors } = await this.request<T>(query, variables);
    if (errors?.length || !data) throw new RequestFailed(errors ?? []);
    return data;
  }

  /** A graphql-ws client that reconnects by itself and announces its state. */
  connect(on: {
    connecting(): void;
    connected(): void;
    closed(event: { code?: number; reason?: string }): void;
  }): Client {
    const url = new URL(this.apiUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return createClient({
      url: url.toString(),
      connectionParams: () => this.authorization(),
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
      on: {
        connecting: () => on.connecting(),
        connected: () => on.connected(),
        closed: (event) => on.closed(event as { code?: number; reason?: string }),
      },
    });
  }
}

const NEEDS = {
  token: "令牌 · needs a token",
  analyst: "分析员令牌 · needs an analyst's token",
  editor: "编辑令牌 · needs an editor's token",
};

/** What to tell the user about a failed request: a refusal says which token it takes. */
export function explain(error: unknown, what: string, needs: keyof typeof NEEDS): string {
  const code = error instanceof RequestFailed ? error.code : undefined;
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") {
    return `${what}需要${NEEDS[needs]} (npm run token)`;
  }
  return error instanceof Error ? error.message : String(error);
}
