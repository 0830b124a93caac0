// Bearer tokens: HS256 with HUB_JWT_SECRET, or RS256 against a JWKS address. A token that is
// expired, forged or malformed is refused with UNAUTHENTICATED, never read as anonymous.
import { createRemoteJWKSet, JWTPayload, jwtVerify, SignJWT } from "jose";
import { HubConfig } from "../../config";
import { HubError } from "../errors";
import { checkId } from "../input-checks";
import { Actor, ANONYMOUS, Role } from "./actor";

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
  };
}

export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(config: Pick<HubConfig, "jwtSecret" | "jwksUrl">) {
    this.secret = new TextEncoder().encode(config.jwtSecret);
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /** The actor an `Authorization` header names; no header is the anonymous reader. */
  async actor(authorization: string | undefined): Promise<Actor> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated("the Authorization header must be `Bearer <token>`");
    try {
      const { payload } = this.jwks
        ? await this.verifyEither(match[1])
        : await jwtVerify(match[1], this.secret, { algorithms: ["HS256"] });
      return actorOf(payload);
    } catch (error) {
      if (error instanceof HubError) throw error;
      throw unauthenticated("the token is expired, forged or malformed");
    }
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
