// Web mode over real HTTP: the token, Host and Origin checks, calls, uploads, downloads, events.
import http from 'node:http'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { testCore } from '../support/core'

async function serve(): Promise<{ server: WebServer; port: number }> {
  const core = await testCore()
  const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
  onTestFinished(() => server.close())
  return { server, port: Number(new URL(server.url).port) }
}

/** raw requests, so Host and Origin can be anything */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const call = (port: number, headers: Record<string, string>, name: string, body = '{}') => request(port, { path: `/api/call/${name}`, method: 'POST', headers, body })

describe('web mode', () => {
  it('answers calls that carry the token, and refuses the rest', async () => {
    const { server, port } = await serve()
    const host = `127.0.0.1:${port}`
    const call = (headers: Record<string, string>, body = '{}') =>
      request(port, { path: '/api/call/companies.current', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

    const ok = await call({ host, 'x-fapiao-token': server.token })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body).value.taxId).toBe('91440300MA5G0X1U23')

    expect((await call({ host })).status).toBe(401)
    expect((await call({ host, 'x-fapiao-token': `${server.token}x` })).status).toBe(401)
    expect((await call({ host: `evil.example:${port}`, 'x-fapiao-token': server.token })).status).toBe(403)
    expect((await call({ host, origin: 'http://evil.example', 'x-fapiao-token': server.token })).status).toBe(403)
    expect((await call({ host, origin: `http://127.0.0.1:${port}`, 'x-fapiao-token': server.token })).status).toBe(200)
    // even the page itself is not served to a foreign Host (DNS rebinding)
    expect((await request(port, { path: '/', headers: { host: `evil.example:${port}` } })).status).toBe(403)
  })

  it('answers a refused call with its error body, and rejects bad JSON', async () => {
    const { server, port } = await serve()
    const headers = { host: `127.0.0.1:${port}`, 'x-fapiao-token': server.token }
    const bad = await request(port, { path: '/api/call/items.create', method: 'POST', headers, body: '{"name":""}' })
    expect(bad.status).toBe(200)
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'VALIDATION', details: { issues: expect.arrayContaining([{ path: 'name', message: '请填写项目名称' }]) } })
    const notJson = await request(port, { path: '/api/call/items.create', method: 'POST', headers, body: '{not json' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body).error.code).toBe('VALIDATION')
    const unknown = await request(port, { path: '/api/call/items.drop', method: 'POST', headers, body: '{}' })
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_CALL')
    expect((await call(port, headers, 'items.list')).status).toBe(200)
  })

  it('uploads a file as a token and downloads what the core produced', async () => {
    const { server, port } = await serve()
    const headers = { host: `127.0.0.1:${port}`, 'x-fapiao-token': server.token }
    const csv = Buffer.from('名称,税号\n华为技术有限公司,914403001922038216\n')
    const up = await request(port, { path: `/api/upload?name=${encodeURIComponent('客户.csv')}`, method: 'POST', headers, body: csv })
    const file = JSON.parse(up.body).value as { token: string; name: string }
    expect(file.name).toBe('客户.csv')
    const imported = await request(port, { path: '/api/call/customers.import', method: 'POST', headers, body: JSON.stringify({ file: file.token }) })
    expect(JSON.parse(imported.body).value).toMatchObject({ created: 1 })

    const tpl = JSON.parse((await request(port, { path: '/api/call/customers.template', method: 'POST', headers, body: '{}' })).body).value as { token: string }
    const down = await request(port, { path: `/api/files/${tpl.token}?t=${server.token}`, headers: { host: headers.host } })
    expect(down.status).toBe(200)
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('客户信息导入模板.xlsx'))
    expect((await request(port, { path: `/api/files/${tpl.token}`, headers: { host: headers.host } })).status).toBe(401)
    expect((await request(port, { path: `/api/files/nosuchtokennosuchtoken?t=${server.token}`, headers: { host: headers.host } })).status).toBe(404)
  })

  it('streams events to the page', async () => {
    const { server, port } = await serve()
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/events?t=${server.token}` }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8')
          if (text.includes('"entity":"items"')) {
            req.destroy()
            resolve(text)
          } else if (text.includes('event: ready')) {
            void fetch(`${server.url}/api/call/items.create`, {
              method: 'POST',
              headers: { 'x-fapiao-token': server.token, 'content-type': 'application/json' },
              body: JSON.stringify({ name: '咨询费', taxCode: '3040603000000000000', rate: '6%' }),
            })
          }
        })
      })
      req.on('error', reject)
    })
    expect(await received).toContain('data: {"type":"data.changed","entity":"items"}')
  })
})
