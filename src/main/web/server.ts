// Web mode (DESIGN.md §1, §9): the same renderer and the same core handlers over HTTP on
// 127.0.0.1, for tests and for machines without Electron. Every API request carries the per-run
// token; Host and Origin must be this server's own.
import crypto from 'node:crypto'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { streamSSE } from 'hono/streaming'
import type { ApiErrorBody } from '../../shared/api/errors'
import type { AppEvent } from '../../shared/events'
import type { Core } from '../core/app'
import { readCappedText } from './cappedBody'
import { securityHeaders } from './securityHeaders'

export interface WebServer {
  url: string
  /** the URL to open: carries the token once; the page keeps it in sessionStorage */
  openUrl: string
  token: string
  close(): Promise<void>
}

const MAX_UPLOAD = 60 * 1024 * 1024
/**
 * The largest /api/call body. The biggest legitimate call is a draft: 2,000 lines (the platform's
 * limit) with every text at its longest and every character Chinese is 1.5 MB of JSON (2.5 MB if a
 * client escapes non-ASCII as \uXXXX), and the schema's own ceiling, 5,000 such lines, is 3.7 MB.
 * 8 MB holds all of that twice over, while a body past it is refused before it is parsed: parsing
 * costs several times the text in memory (400 MB of JSON took 1.8 GB).
 */
export const MAX_CALL_BYTES = 8 * 1024 * 1024

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

export function startWebServer(opts: { core: Core; rendererDir: string; host?: string; port?: number; token?: string }): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1'
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url')
  const app = new Hono()
  let allowedHosts: string[] = []

  const refuse = (c: Context, status: 401 | 403, message: string) => c.json({ error: { code: 'UNAUTHORIZED', message } satisfies ApiErrorBody }, status)

  app.use('*', securityHeaders)
  // DNS rebinding and cross-site requests: only this server's own host names and origins
  app.use('*', async (c, next) => {
    if (!allowedHosts.includes(c.req.header('host') ?? '')) return refuse(c, 403, '拒绝访问：主机名不正确')
    const origin = c.req.header('origin')
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return refuse(c, 403, '拒绝访问：来源不正确')
    await next()
  })
  app.use('/api/*', async (c, next) => {
    const given = c.req.header('x-fapiao-token') ?? c.req.query('t')
    if (!sameToken(given, token)) return refuse(c, 401, '访问令牌无效，请使用启动时显示的地址打开')
    await next()
  })

  app.post('/api/call/:name', async (c) => {
    const text = await readCappedText(c.req.raw, MAX_CALL_BYTES)
    if (text === null) {
      const message = `请求内容过大（超过 ${MAX_CALL_BYTES / 1024 / 1024} MB），未处理：一张发票最多 2,000 行，请分批提交`
      // the rest of the body is read and thrown away for a moment, then the connection closes
      return c.json({ error: { code: 'LIMIT', message } satisfies ApiErrorBody }, 413)
    }
    let input: unknown
    try {
      input = text === '' ? undefined : JSON.parse(text)
    } catch {
      return c.json({ error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } satisfies ApiErrorBody }, 400)
    }
    const r = await opts.core.dispatch(c.req.param('name'), input)
    if (r.ok) return c.json({ value: r.value ?? null })
    // a refusal is an answer (like the IPC bridge's { ok: false }), not a failed request: only a
    // bug in the core is a server error
    return c.json({ error: r.error }, r.error.code === 'INTERNAL' ? 500 : 200)
  })

  app.post(
    '/api/upload',
    bodyLimit({
      maxSize: MAX_UPLOAD,
      onError: (c) => c.json({ error: { code: 'LIMIT', message: '文件超过 60 MB，无法上传' } satisfies ApiErrorBody }, 413),
    }),
    async (c) => {
      const name = c.req.query('name') ?? 'upload'
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      return c.json({ value: opts.core.files.put(name, bytes) })
    },
  )

  app.get('/api/files/:token', (c) => {
    let entry
    try {
      entry = opts.core.files.resolve(c.req.param('token'))
    } catch {
      return c.json({ error: { code: 'NOT_FOUND', message: '文件已失效，请重新生成' } satisfies ApiErrorBody }, 404)
    }
    const body = fs.readFileSync(entry.path)
    return c.body(body, 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
      'cache-control': 'no-store',
    })
  })

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const off = opts.core.events.on((e: AppEvent) => void stream.writeSSE({ data: JSON.stringify(e) }))
      // a comment line now and then keeps the browser from dropping an idle stream
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), 15_000)
      await stream.writeSSE({ event: 'ready', data: '{}' })
      await new Promise<void>((resolve) => stream.onAbort(resolve))
      off()
      clearInterval(keepAlive)
    }),
  )

  app.use('/*', serveStatic({ root: opts.rendererDir }))
  app.get('*', (c) => c.html(fs.readFileSync(`${opts.rendererDir}/index.html`, 'utf8')))

  return new Promise((resolve, reject) => {
    let server: ServerType
    try {
      server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 0 }, (info: AddressInfo) => {
        allowedHosts = [`${host}:${info.port}`, `localhost:${info.port}`]
        const url = `http://${host}:${info.port}`
        resolve({
          url,
          openUrl: `${url}/?token=${token}`,
          token,
          close: () =>
            new Promise<void>((res) => {
              server.close(() => res())
              // open event streams would hold close() forever
              ;(server as import('node:http').Server).closeAllConnections()
            }),
        })
      })
      server.on('error', reject)
    } catch (e) {
      reject(e)
    }
  })
}
