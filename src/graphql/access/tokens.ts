// Bearer tokens: HS256 with HUB_JWT_SECRET, or RS256 against a JWKS address. A token that is
// expired, forged or malformed is refused with UNAUTHENTICATED, never read as anonymous.
import { createRemoteJWKSet, JWTPayload, jwtVerify, SignJWT } from "jose";
import { HubConfig } from "../../config";
import { HubError } from "../../core/errors";
import { checkId } from "../../core/input-checks";
import { Actor, ANONYMOUS, Role } from "../../core/actor";

const ROLES = new Set<string>(Object.values(Role));
const ISSUER = "foreign-affairs-hub";

function unauthenticated(message: string): HubError {
  return new HubError("UNAUTHENTICATED", message, { http: { status: 401 } });
}

function actorOf(payload: JWTPayload): Actor {
  const role = payload.role;
  if (typeof role !== "string" || !ROLES.has(role))
    throw unauthenticated("the token names no known role");
  const cities = Array.isArray(payload.cities) ? payload.cities : [];
  if (!cities.every((city) => typeof city === "string"))
    throw unauthenticated("the token's cities are not ids");
  return {
    subject: payload.sub ?? role,
    role: role as Role,
    cities: cities.map((c) => c.toLowerCase()),
    ...(payload.exp !== undefined && { expiresAt: payload.exp * 1000 }),
  };
}

/** Verified tokens remembered at most; past it, the memory starts again. */
const MAX_VERIFIED = 10_000;

export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new Map<string, { actor: Actor; until: number }>();

  constructor(config: Pick<HubConfig, "jwtSecret" | "jwksUrl">) {
    this.secret = new TextEncoder().encode(config.jwtSecret);
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /** The actor an `Authorization` header names; no header is the anonymous reader. */
  async actor(authorization: string | undefined): Promise<Actor> {
    if (!authorization) return ANONYMOUS;
    const known = this.verified.get(authorization);
    if (known && known.until > Date.now()) return known.actor;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated("the Authorization header must be `Bearer <token>`");
    try {
      const { payload } = this.jwks
        ? await this.verifyEither(match[1])
        : await jwtVerify(match[1], this.secret, { algorithms: ["HS256"] });
      const actor = actorOf(payload);
      this.remember(authorization, actor, payload.exp);
      return actor;
    } catch (error) {
      if (error instanceof HubError) throw error;
      throw unauthenticated("the token is expired, forged or malformed");
    }
  }

  /**
   * A client sends the same token with every request; its signature is checked once, and the
   * actor kept until the token expires (a token without an expiry is checked every time).
   */
  private remember(authorization: string, actor: Actor, expiresAt: number | undefined): void {
    if (expiresAt === undefined) return;
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(authorization, { actor, until: expiresAt * 1000 });
  }

  private async verifyEither(token: string) {
    try {
      return await jwtVerify(token, this.secret, { algorithms: ["HS256"] });
    } catch {
      return jwtVerify(token, this.jwks!, { algorithms: ["RS256"] });
    }
  }
}

export interface TokenRequest {
  role: Role;
  cities?: string[];
  subject?: string;
  expiresIn?: string;
}

export function issueToken(secret: string, request: TokenRequest): Promise<string> {
  const cities = (request.cities ?? []).map((city) => checkId(city, "city"));
  return new SignJWT({ role: request.role, cities })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(request.subject ?? `${request.role}-cli`)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? "12h")
    .sign(new TextEncoder().encode(secret));
}
