// Web mode's /api/call reads at most MAX_CALL_BYTES (issue 10 §4): a bigger body — declared or
// streamed without a length — is answered 413 with a Chinese {error} as soon as the ceiling is
// passed, and the server's memory does not grow with what the client keeps sending.
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { MAX_CALL_BYTES, startWebServer } from '../../src/main/web/server'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { testCore } from '../support/core'

async function serve() {
  const core = await testCore()
  const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
  onTestFinished(() => server.close())
  const port = Number(new URL(server.url).port)
  return { server, port, headers: { host: `127.0.0.1:${port}`, 'x-fapiao-token': server.token, 'content-type': 'application/json' } }
}

/**
 * POSTs `total` bytes of one JSON string in 1 MB chunks (one buffer, reused: the client holds 1 MB
 * at most), stopping as soon as the server answers.
 */
function flood(port: number, headers: Record<string, string>, total: number, declareLength: boolean) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    let sent = 0
    let answered = false
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call/invoices.saveDraft',
        method: 'POST',
        headers: { ...headers, ...(declareLength ? { 'content-length': String(total + 2) } : {}) },
      },
      (res) => {
        answered = true
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent }))
      },
    )
    // the server may close while the client still writes: that is the point
    req.on('error', (e) => (answered ? undefined : reject(e)))
    const pump = () => {
      if (sent === 0) req.write('"')
      while (!answered && sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end('"')
    }
    pump()
  })
}

describe('web mode: /api/call body limit', { timeout: 120_000 }, () => {
  it('a 2,000-line draft with every text at its longest is well under the limit and is saved', async () => {
    const { port, headers } = await serve()
    const zh = (n: number) => '测'.repeat(n)
    const line = testLine({ name: `*${zh(10)}*${zh(88)}`, spec: zh(40), unit: zh(22) })
    const body = JSON.stringify({ draft: testDraft({ lines: Array.from({ length: 2000 }, () => line), remark: zh(450) }), check: false })
    expect(Buffer.byteLength(body) * 4).toBeLessThan(MAX_CALL_BYTES)
    const r = await fetch(`http://127.0.0.1:${port}/api/call/invoices.saveDraft`, { method: 'POST', headers, body })
    expect(r.status).toBe(200)
    expect(((await r.json()) as { value: { id: number } }).value.id).toBeGreaterThan(0)
  })

  for (const declareLength of [true, false])
    it(`400 MB ${declareLength ? 'with a Content-Length' : 'streamed without a length'}: 413 with a Chinese message, memory bounded`, async () => {
      const { port, headers } = await serve()
      const before = process.memoryUsage().rss
      const r = await flood(port, headers, 400 * 1024 * 1024, declareLength)
      const grown = process.memoryUsage().rss - before
      expect(r.status).toBe(413)
      expect(JSON.parse(r.body)).toEqual({ error: { code: 'LIMIT', message: expect.stringMatching(/^请求内容过大（超过 8 MB）/) } })
      // answered long before the client was done (it stops writing then)
      expect(r.sent).toBeLessThan(100 * 1024 * 1024)
      expect(grown).toBeLessThan(150 * 1024 * 1024)
      // the server still answers
      const ok = await fetch(`http://127.0.0.1:${port}/api/call/companies.current`, { method: 'POST', headers, body: '{}' })
      expect(ok.status).toBe(200)
    })
})
