// Headers on every web-mode answer, refusals included. The page's own CSP is a <meta> in
// index.html, but a <meta> cannot say who may frame the page: only a header can, so no other site
// can load the app in a frame and trick clicks out of the bookkeeper (clickjacking).
import type { MiddlewareHandler } from 'hono'

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "frame-ancestors 'none'",
  // browsers that predate frame-ancestors
  'x-frame-options': 'DENY',
  // the token rides in a URL for the event stream and downloads: never in a Referer
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
}
