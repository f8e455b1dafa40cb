// Web mode's answers, whatever they are, say the page may not be framed (CSP frame-ancestors and
// X-Frame-Options) and send no Referer; and the per-run token never reaches a log, even when a
// request with it fails (issue 10 §4).
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { startWebServer } from '../../src/main/web/server'
import { testCore } from '../support/core'

function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      res.resume()
      // an event stream never ends: its headers are the answer
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers })
        return void req.destroy()
      }
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('web mode security', () => {
  it('every answer forbids framing and referrers: the page, the API, refusals, files, events', async () => {
    const core = await testCore()
    const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
    onTestFinished(() => server.close())
    const port = Number(new URL(server.url).port)
    const host = `127.0.0.1:${port}`
    const token = { 'x-fapiao-token': server.token }
    const answers = {
      page: await request(port, { path: '/', headers: { host } }),
      call: await request(port, { path: '/api/call/companies.current', method: 'POST', headers: { host, ...token }, body: '{}' }),
      refusal: await request(port, { path: '/api/call/items.create', method: 'POST', headers: { host, ...token }, body: '{}' }),
      'no token': await request(port, { path: '/api/call/companies.current', method: 'POST', headers: { host }, body: '{}' }),
      'foreign host': await request(port, { path: '/', headers: { host: `evil.example:${port}` } }),
      'bad JSON': await request(port, { path: '/api/call/items.list', method: 'POST', headers: { host, ...token }, body: '{' }),
      'unknown file': await request(port, { path: `/api/files/nosuchtokennosuchtoken?t=${server.token}`, headers: { host } }),
      events: await request(port, { path: `/api/events?t=${server.token}`, headers: { host } }),
    }
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      page: 200,
      call: 200,
      refusal: 200,
      'no token': 401,
      'foreign host': 403,
      'bad JSON': 400,
      'unknown file': 404,
      events: 200,
    })
    for (const [what, r] of Object.entries(answers)) {
      expect(r.headers['content-security-policy'], what).toContain("frame-ancestors 'none'")
      expect(r.headers['x-frame-options'], what).toBe('DENY')
      expect(r.headers['referrer-policy'], what).toBe('no-referrer')
    }
  })

  it('the token is in no log line, whatever fails', async () => {
    const lines: string[] = []
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')))
    const write = (stream: NodeJS.WriteStream) => vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => (lines.push(String(chunk)), true))
    write(process.stdout)
    write(process.stderr)
    onTestFinished(() => void vi.restoreAllMocks())

    const core = await testCore()
    const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
    onTestFinished(() => server.close())
    const port = Number(new URL(server.url).port)
    const host = `127.0.0.1:${port}`
    const t = server.token
    await request(port, { path: `/api/call/items.list?t=${t}`, method: 'POST', headers: { host }, body: '{' })
    await request(port, { path: `/api/call/no.such?t=${t}`, method: 'POST', headers: { host }, body: '{}' })
    await request(port, { path: `/api/files/${'x'.repeat(20)}?t=${t}`, headers: { host } })
    await request(port, { path: `/api/call/companies.current?t=${t}x`, method: 'POST', headers: { host }, body: '{}' })
    await request(port, { path: `/api/call/companies.current?t=${t}`, method: 'POST', headers: { host: `evil.example:${port}` }, body: '{}' })
    // a download whose file vanished fails inside the server, and that is logged: without the token
    const file = await core.call('customers.template', {})
    fs.rmSync(core.files.resolve(file.token).path)
    expect((await request(port, { path: `/api/files/${file.token}?t=${t}`, headers: { host } })).status).toBe(500)
    vi.restoreAllMocks()
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toContain(t)
  })
})
