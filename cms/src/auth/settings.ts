/** One rate-limit rule: at most `points` in a fixed window of `windowSeconds`. */
export interface LimitRule {
  points: number;
  windowSeconds: number;
}

/** The auth rate limits, read from the environment when the middleware is created. */
export interface AuthLimits {
  /** every request to the four auth routes from one client IP */
  ip: LimitRule;
  /** failed logins for one identifier; a successful login resets it */
  loginFailures: LimitRule;
  /** refreshes by one user (the refresh token's owner) */
  refresh: LimitRule;
  /** password-reset mails asked for one e-mail address */
  forgotPassword: LimitRule;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  // a typo must stop start-up, not silently disable a limit
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const rule = (points: string, pointsDefault: number, window: string, windowDefault: number): LimitRule => ({
  points: positiveInt(points, pointsDefault),
  windowSeconds: positiveInt(window, windowDefault),
});

/** Limits from env: AUTH_IP_*, AUTH_LOGIN_*, AUTH_REFRESH_*, AUTH_FORGOT_* (see README, Environment). */
export function authLimits(): AuthLimits {
  return {
    ip: rule('AUTH_IP_MAX_REQUESTS', 300, 'AUTH_IP_WINDOW_SECONDS', 900),
    loginFailures: rule('AUTH_LOGIN_MAX_FAILURES', 10, 'AUTH_LOGIN_WINDOW_SECONDS', 900),
    refresh: rule('AUTH_REFRESH_MAX_REQUESTS', 30, 'AUTH_REFRESH_WINDOW_SECONDS', 900),
    forgotPassword: rule('AUTH_FORGOT_MAX_REQUESTS', 5, 'AUTH_FORGOT_WINDOW_SECONDS', 3600),
  };
}
