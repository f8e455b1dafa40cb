// The sandbox's routes for an invoice's files and 发票二维码交付 (docs/platform-api.md):
//   GET  /api/v1/invoices/:number/files/:format   the seller's or buyer's download (token required)
//   POST /api/v1/invoices/:number/share            → 201 { url, expiresAt }
//   GET  /share/:token                             the public page a phone opens (no login)
//   GET  /share/:token/:format                     its files
import type { Context, Hono } from 'hono'
import { API_PREFIX } from '../../shared/platform/wire'
import type { Platform } from '../platform'
import { fileFormat, invoiceFile } from './files'
import { shareGonePage, SHARE_PAGE_HEADERS, sharePage } from './page'
import { shortNamesOf } from './shortNames'

type Env = { Variables: { taxId: string } }

export interface ShareLinkAnswer {
  url: string
  expiresAt: string
}

/** the address the caller reached the platform by: the link must work from where the client is */
const originOf = (c: Context): string => new URL(c.req.url).origin

export function registerShareRoutes(app: Hono<Env>, platform: Platform, fontsDir: () => string): void {
  const drawing = () => ({ fontsDir: fontsDir(), shortNames: shortNamesOf(platform.taxcodes()) })
  app.get(`${API_PREFIX}/invoices/:number/files/:format`, async (c) => {
    const format = fileFormat(c.req.param('format'))
    const file = await invoiceFile(platform.getInvoice(c.get('taxId'), c.req.param('number')), format, drawing())
    return c.body(new Uint8Array(file.bytes), 200, file.headers)
  })

  app.post(`${API_PREFIX}/invoices/:number/share`, (c) => {
    const link = platform.shareInvoice(c.get('taxId'), c.req.param('number'))
    return c.json({ url: `${originOf(c)}/share/${link.token}`, expiresAt: link.expiresAt } satisfies ShareLinkAnswer, 201)
  })

  const gone = (c: Context, state: 'expired' | 'unknown') => c.body(shareGonePage(state), state === 'expired' ? 410 : 404, SHARE_PAGE_HEADERS)

  app.get('/share/:token', (c) => {
    const shared = platform.openShare(c.req.param('token'))
    if (shared.state !== 'open') return gone(c, shared.state)
    return c.body(sharePage(c.req.param('token'), shared.invoice, shared.expiresAt), 200, SHARE_PAGE_HEADERS)
  })

  app.get('/share/:token/:format', async (c) => {
    const shared = platform.openShare(c.req.param('token'))
    if (shared.state !== 'open') return gone(c, shared.state)
    const file = await invoiceFile(shared.invoice, fileFormat(c.req.param('format')), drawing())
    return c.body(new Uint8Array(file.bytes), 200, { ...file.headers, 'referrer-policy': 'no-referrer' })
  })
}
