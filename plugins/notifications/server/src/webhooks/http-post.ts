/** What one POST to a webhook came to. */
export interface PostOutcome {
  /** The HTTP status; null when no answer came (refused, reset, timed out). */
  status: number | null;
  durationMs: number;
  error: string | null;
}

const BODY_EXCERPT = 300;

/**
 * POSTs `body` as JSON with `headers`, within `timeoutMs`. Redirects are not followed (a
 * receiver that moved must be updated, and a redirect must not carry the body elsewhere).
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': '5g-ticketing-webhooks/1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    return { status: res.status, durationMs: took(), error: ok ? null : `HTTP ${res.status}${text ? `: ${text.slice(0, BODY_EXCERPT)}` : ''}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { status: null, durationMs: took(), error: reason };
  }
}

/** Worth another try: no answer, or a server error; a 4xx (or 3xx) will not change by retrying. */
export const isRetryable = (outcome: PostOutcome) => outcome.status === null || outcome.status >= 500;
