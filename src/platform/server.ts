// The platform sandbox's HTTP server (docs/platform-api.md): Hono on @hono/node-server, bound to
// 127.0.0.1 by default. Every answer is JSON — the invoice, the page, or { error: { code, message,
// issues? } } with the status wire.ts lists — except GET /taxcodes, which sends the file as imported.
import crypto from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ADMIN_PREFIX, ADMIN_TOKEN_HEADER, addTaxpayerRequest, API_PREFIX, IDEMPOTENCY_HEADER, loginRequest, TAXCODES_VERSION_HEADER } from '../shared/platform/wire'
import { fieldLabel } from '../shared/api/labels'
import { chineseIssue } from '../shared/api/zodChinese'
import { z } from 'zod'
import { controlCharIssues } from '../shared/domain/controlChars'
import type { Clock } from './clock'
import { PlatformError, toPlatformError, validationFailure } from './errors'
import { TooManyLogins } from './rules/auth'
import { BOOKINGS_PATH } from './rules/bookingBatch'
import { checkKey } from './rules/idempotency'
import { LIST_MAX_SIZE } from './rules/invoices'
import type { Answer, RedAction } from './rules/redActions'
import { createPlatform, type Platform } from './platform'
import { readShippedRegionNames } from './rules/regions'
import { findBuiltinTaxcodesDir } from './rules/taxcodes'
import { USE_PATH } from './rules/useConfirm'
import { registerShareRoutes } from './share/routes'

/** far above a 5,000-line invoice (~2 MB of JSON) */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

export interface PlatformServerOptions {
  dataDir: string
  host?: string
  /** 0 = any free port */
  port?: number
  clock?: Clock
  /** enables /admin/v1 for callers that send it in X-Admin-Token; absent = no admin endpoints */
  adminToken?: string
  /** default: migrations/platform found above this module (the packaged app passes its resources) */
  migrationsDir?: string
  /** the table served when none was imported; default: resources/taxcodes found above this module */
  taxcodesDir?: string
  /** the font the invoice files embed (resources/fonts); default: found beside resources/taxcodes above this module */
  fontsDir?: string
}

export interface PlatformServer {
  url: string
  port: number
  platform: Platform
  /** stops accepting, lets requests in flight finish (1 s at most), closes the database */
  close(): Promise<void>
}

type Env = { Variables: { taxId: string } }

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = crypto
    .createHash('sha256')
    .update(given ?? '')
    .digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return given !== undefined && crypto.timingSafeEqual(a, b)
}

/** The body as JSON, or VALIDATION before anything is touched. */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') throw new PlatformError('VALIDATION', '请求内容为空：应为 JSON', [{ path: '', message: '请求内容为空' }])
  let body: unknown
  try {
    body = JSON.parse(text) as unknown
  } catch {
    throw new PlatformError('VALIDATION', '请求内容不是有效的 JSON', [{ path: '', message: 'JSON 格式错误' }])
  }
  // NUL and other control characters are refused in every text the platform is sent
  const controls = controlCharIssues(body, fieldLabel)
  if (controls.length > 0) throw validationFailure('请求内容含有控制字符', controls)
  return body
}

/** a body that may be left empty ({} assumed): withdraw and issue carry nothing needed */
async function optionalJsonBody(c: Context): Promise<unknown> {
  return (await c.req.text()).trim() === '' ? {} : jsonBody(c)
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value, { error: chineseIssue })
  if (!r.success)
    throw validationFailure(
      '请求内容不正确',
      r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    )
  return r.data
}

const listQuery = z.object({
  role: z.enum(['seller', 'buyer'], { error: '角色（role）应为 seller（销项）或 buyer（进项）' }).default('seller'),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(LIST_MAX_SIZE).default(50),
  month: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
})

export function createPlatformApp(platform: Platform, adminToken?: string, fontsDir: () => string = defaultFontsDir): Hono<Env> {
  const app = new Hono<Env>()

  app.onError((err, c) => {
    const e = toPlatformError(err)
    if (e.code === 'INTERNAL') console.error(err)
    const headers: Record<string, string> = e instanceof TooManyLogins ? { 'retry-after': String(e.retryAfterSeconds) } : {}
    return c.json(e.toBody(), e.status as ContentfulStatusCode, headers)
  })
  app.notFound((c) => c.json(new PlatformError('NOT_FOUND', `没有这个接口：${c.req.method} ${c.req.path}`).toBody(), 404))
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(new PlatformError('TOO_LARGE', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`).toBody(), 413),
    }),
  )

  app.post(`${API_PREFIX}/session`, async (c) => c.json(platform.login(parse(loginRequest, await jsonBody(c)))))

  // everything else under /api/v1 needs a token, and answers for its taxpayer only
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    if (c.req.path === `${API_PREFIX}/session`) return next()
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    c.set('taxId', platform.authenticate(bearer))
    return next()
  })

  app.get(`${API_PREFIX}/me`, (c) => c.json(platform.me(c.get('taxId'))))
  app.get(`${API_PREFIX}/quota`, (c) => c.json(platform.quota(c.get('taxId'), c.req.query('month'))))

  app.post(`${API_PREFIX}/invoices`, async (c) => {
    // the key is asked for before the body is read: without one a retry could not be told apart
    const key = checkKey(c.req.header(IDEMPOTENCY_HEADER))
    const r = platform.issueResponse(c.get('taxId'), await jsonBody(c), key)
    return c.body(r.body, r.status as ContentfulStatusCode, { ...JSON_TYPE, ...(r.replayed ? { 'Idempotent-Replayed': 'true' } : {}) })
  })

  registerShareRoutes(app, platform, fontsDir)
  app.get(`${API_PREFIX}/invoices/:number`, (c) => c.json(platform.getInvoice(c.get('taxId'), c.req.param('number'))))
  app.get(`${API_PREFIX}/invoices`, (c) => {
    const q = parse(listQuery, c.req.query())
    return c.json(platform.listInvoices(c.get('taxId'), q))
  })

  // 红字确认单 (src/shared/platform/red.ts): every mutating call keyed, the answer sent as stored
  const RED = `${API_PREFIX}/red-confirmations`
  const answer = (c: Context<Env>, r: Answer) => c.body(r.body, r.status as ContentfulStatusCode, { ...JSON_TYPE, ...(r.replayed ? { 'Idempotent-Replayed': 'true' } : {}) })
  const keyed = async (c: Context<Env>, action: (body: unknown) => RedAction, read: (c: Context) => Promise<unknown> = jsonBody) => {
    // the key is asked for before the body is read, as for invoices
    const key = checkKey(c.req.header(IDEMPOTENCY_HEADER))
    return answer(c, platform.redResponse(c.get('taxId'), action(await read(c)), key))
  }
  app.post(RED, (c) => keyed(c, (body) => ({ kind: 'create', body })))
  app.get(RED, (c) => c.json(platform.listRedConfirmations(c.get('taxId'), c.req.query())))
  app.get(`${RED}/:number`, (c) => c.json(platform.getRedConfirmation(c.get('taxId'), c.req.param('number'))))
  app.post(`${RED}/:number/decision`, (c) => keyed(c, (body) => ({ kind: 'decide', number: c.req.param('number'), body })))
  app.post(`${RED}/:number/withdraw`, (c) => keyed(c, () => ({ kind: 'withdraw', number: c.req.param('number') }), optionalJsonBody))
  app.post(`${RED}/:number/issue`, (c) => keyed(c, (body) => ({ kind: 'issue', number: c.req.param('number'), body }), optionalJsonBody))
  app.post(`${API_PREFIX}/invoices/:number/booking`, (c) => keyed(c, (body) => ({ kind: 'booking', number: c.req.param('number'), body })))
  // 入账 and 用途确认 of many invoices (src/shared/platform/booking.ts): a result per row
  app.post(BOOKINGS_PATH, (c) => keyed(c, (body) => ({ kind: 'bookings', body })))
  app.post(USE_PATH, (c) => keyed(c, (body) => ({ kind: 'use', body })))

  app.get(`${API_PREFIX}/changes`, (c) => c.body(platform.changesJson(c.get('taxId'), { after: c.req.query('after'), limit: c.req.query('limit') }), 200, JSON_TYPE))

  app.get(`${API_PREFIX}/taxcodes`, (c) => {
    const file = platform.taxcodes()
    if (!file) throw new PlatformError('NOT_FOUND', '平台尚未导入商品和服务税收分类编码表')
    const headers = {
      'content-type': /\.xml$/i.test(file.fileName) ? 'application/xml' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      [TAXCODES_VERSION_HEADER]: file.version,
      etag: `"${file.version}"`,
    }
    if (c.req.header('if-none-match') === headers.etag) return c.body(null, 304, headers)
    return c.body(new Uint8Array(file.bytes), 200, headers)
  })

  app.use(`${ADMIN_PREFIX}/*`, async (c, next) => {
    if (adminToken === undefined) throw new PlatformError('NOT_FOUND', '此平台未启用管理接口')
    if (!sameSecret(c.req.header(ADMIN_TOKEN_HEADER), adminToken)) throw new PlatformError('FORBIDDEN', '管理接口须提供正确的管理令牌（X-Admin-Token）')
    return next()
  })
  app.post(`${ADMIN_PREFIX}/taxpayers`, async (c) => {
    const r = platform.addTaxpayer(parse(addTaxpayerRequest, await jsonBody(c)))
    return c.json(r.taxpayer, r.created ? 201 : 200)
  })

  return app
}

/** resources/fonts beside the shipped tax-code table, looked up when a file is first drawn */
const defaultFontsDir = (): string => path.join(path.dirname(findBuiltinTaxcodesDir()), 'fonts')

export function startPlatformServer(opts: PlatformServerOptions): Promise<PlatformServer> {
  let platform: Platform | undefined
  try {
    const taxcodesDir = opts.taxcodesDir ?? findBuiltinTaxcodesDir()
    platform = createPlatform({ dataDir: opts.dataDir, clock: opts.clock, migrationsDir: opts.migrationsDir, regions: readShippedRegionNames(taxcodesDir) })
    // first start: the sandbox serves the table shipped with the app
    platform.loadBuiltinTaxcodes(taxcodesDir)
  } catch (e) {
    platform?.close()
    return Promise.reject(e)
  }
  const host = opts.host ?? '127.0.0.1'
  const fontsDir = opts.fontsDir
  const app = createPlatformApp(platform, opts.adminToken, fontsDir ? () => fontsDir : defaultFontsDir)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 0 }, (info: AddressInfo) => {
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`
      let closing: Promise<void> | null = null
      resolve({
        url,
        port: info.port,
        platform,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            const http = server as Server
            http.close(() => {
              platform.close()
              done()
            })
            // idle keep-alive sockets would hold close() open; busy ones get a moment to answer
            http.closeIdleConnections()
            setTimeout(() => http.closeAllConnections(), 1000).unref()
          })),
      })
    }) as Server
    // the client sends hundreds of requests on a few connections: keep them open between bursts
    server.keepAliveTimeout = 30_000
    server.headersTimeout = 35_000
    // a port already taken: nothing started, so nothing stays open
    const failed = (e: Error) => {
      platform.close()
      reject(e)
    }
    server.once('error', failed)
    server.once('listening', () => server.off('error', failed))
  })
}
