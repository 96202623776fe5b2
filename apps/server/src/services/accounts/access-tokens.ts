import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '@numeri/contracts';
import type { Clock } from '../../adapters/clock/clock';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const MFA_TOKEN_TTL_SECONDS = 5 * 60;

const ISSUER = 'numeri';
const ACCESS_AUDIENCE = 'numeri-api';
const MFA_AUDIENCE = 'numeri-mfa';

export interface AccessClaims {
  userId: string;
  /** The session (refresh-token family) this token belongs to. */
  sessionId: string;
  role: Role;
}

/**
 * Short-lived HS256 JWTs. Verification pins the algorithm, issuer and audience, so `alg: none`,
 * another key, or an MFA challenge token presented as an access token are all refused.
 */
export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    private readonly clock: Clock,
  ) {}

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  async signAccess(claims: AccessClaims): Promise<string> {
    const now = this.nowSeconds();
    return new SignJWT({ sid: claims.sessionId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(ACCESS_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.secret);
  }

  /** Returns the claims, or null for any token that is not a valid, current access token. */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: ACCESS_AUDIENCE,
        currentDate: this.clock.now(),
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        typeof payload.role !== 'string'
      )
        return null;
      return { userId: payload.sub, sessionId: payload.sid, role: payload.role as Role };
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null;
      throw err;
    }
  }

  async signMfaChallenge(userId: string): Promise<string> {
    const now = this.nowSeconds();
    return new SignJWT({ purpose: 'mfa' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(MFA_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + MFA_TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.secret);
  }

  async verifyMfaChallenge(token: string): Promise<string | null> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: MFA_AUDIENCE,
        currentDate: this.clock.now(),
      });
      return payload.purpose === 'mfa' && typeof payload.sub === 'string' ? payload.sub : null;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null;
      throw err;
    }
  }
}
