// The sandbox's invoice files and 发票二维码交付 over real HTTP: who may download, what the share
// link opens, and when it stops (the sandbox's clock moves).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseInvoiceXml } from '../../src/documents/xml'
import { manualClock } from '../../src/platform/clock'
import type { PlatformErrorBody, PlatformInvoice } from '../../src/shared/platform/wire'
import { tempDir } from '../support/core'
import { startPlatformServer } from '../../src/platform/server'
import { ADMIN_TOKEN, bearer, call, get, issueRequest, login, postInvoice, register, sandboxWithParties } from '../support/platformHttp'
import { SELLER } from '../support/core'

interface Share {
  url: string
  expiresAt: string
}

async function issued(p: Awaited<ReturnType<typeof sandboxWithParties>>): Promise<PlatformInvoice> {
  const r = await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(), `share-${Math.random()}`)
  expect(r.status).toBe(201)
  return r.body
}

const share = (url: string, number: string, token?: string) =>
  call<Share | PlatformErrorBody>(`${url}/api/v1/invoices/${number}/share`, { method: 'POST', headers: token ? bearer(token) : {} })

describe('sandbox invoice files and share links', { timeout: 120_000 }, () => {
  it('serves the files to the seller and the buyer only; a third party gets the same 404 as a wrong number', async () => {
    const p = await sandboxWithParties(tempDir())
    const inv = await issued(p)
    const files = `/api/v1/invoices/${inv.number}/files`
    const unauth = await call<PlatformErrorBody>(`${p.url}${files}/pdf`)
    expect(unauth.status).toBe(401)
    const third = await get<PlatformErrorBody>(p.url, `${files}/pdf`, p.third)
    const none = await get<PlatformErrorBody>(p.url, `/api/v1/invoices/26442000000099999999/files/pdf`, p.seller)
    expect(third.status).toBe(404)
    expect(third.body).toEqual({ error: { code: 'NOT_FOUND', message: `没有找到发票 ${inv.number}` } })
    expect(none.status).toBe(404)
    const bad = await get<PlatformErrorBody>(p.url, `${files}/docx`, p.seller)
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('文件格式应为 pdf、ofd 或 xml，现为“docx”')
    for (const who of [p.seller, p.other]) {
      for (const format of ['pdf', 'ofd', 'xml'] as const) {
        const r = await fetch(`${p.url}${files}/${format}`, { headers: bearer(who) })
        const bytes = Buffer.from(await r.arrayBuffer())
        expect(r.status, `${format}: ${bytes.toString()}`).toBe(200)
        expect(r.headers.get('content-disposition')).toContain(`filename="${inv.number}.${format}"`)
        expect(r.headers.get('content-type')).toMatch({ pdf: /^application\/pdf/, ofd: /^application\/ofd/, xml: /^application\/xml/ }[format])
        expect(bytes.length).toBeGreaterThan(0)
        if (format === 'pdf') {
          // read back by poppler, not by our writer: the number, the parties and the *简称* of the table in force
          const file = path.join(tempDir(), 'x.pdf')
          fs.writeFileSync(file, bytes)
          const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
          for (const t of [inv.number, inv.seller.name, inv.buyer.name, '*信息技术服务*软件开发服务']) expect(text).toContain(t)
        }
        if (format === 'ofd') {
          const dir = tempDir()
          fs.writeFileSync(path.join(dir, 'x.ofd'), bytes)
          expect(execFileSync('unzip', ['-Z1', path.join(dir, 'x.ofd')], { encoding: 'utf8' })).toContain('OFD.xml')
        }
        if (format === 'xml') expect(parseInvoiceXml(bytes.toString('utf8')).number).toBe(inv.number)
      }
    }
  })

  it('a share link opens a public page naming the invoice, with its three files, until it expires (24 h)', async () => {
    const clock = manualClock(new Date('2026-12-03T02:00:00Z'))
    const p = await sandboxWithParties(tempDir(), { clock })
    const inv = await issued(p)
    expect((await share(p.url, inv.number)).status).toBe(401)
    expect((await share(p.url, inv.number, p.third)).status).toBe(404)
    const made = await share(p.url, inv.number, p.seller)
    expect(made.status).toBe(201)
    const link = made.body as Share
    expect(link.expiresAt).toBe('2026-12-04T10:00:00+08:00')
    const token = /\/share\/([A-Za-z0-9_-]+)$/.exec(link.url)?.[1] ?? ''
    // 256 random bits: 43 base64url characters
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(link.url).toBe(`${p.url}/share/${token}`)

    const page = await call<string>(link.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    for (const text of [inv.number, inv.seller.name, inv.buyer.name, '¥10600.00', '2026-12-04 10:00']) expect(page.text).toContain(text)
    for (const f of ['pdf', 'ofd', 'xml']) expect(page.text).toContain(`href="/share/${token}/${f}"`)
    const file = await fetch(`${link.url}/xml`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain(`filename="${inv.number}.xml"`)

    // the buyer may make one too; each link is new and unguessable
    const again = (await share(p.url, inv.number, p.other)).body as Share
    expect(again.url).not.toBe(link.url)

    clock.advance(24 * 3600 * 1000 - 1000)
    expect((await call(link.url)).status).toBe(200)
    clock.advance(1000)
    const expired = await call<string>(link.url)
    expect(expired.status).toBe(410)
    expect(expired.text).toContain('链接已过期')
    expect((await call(`${link.url}/pdf`)).status).toBe(410)
  })

  it('a file the writer cannot draw (no font) is a 500 naming the invoice and the format', async () => {
    const server = await startPlatformServer({ dataDir: tempDir(), adminToken: ADMIN_TOKEN, fontsDir: tempDir() })
    try {
      await register(server.url, SELLER)
      const seller = await login(server.url, SELLER.taxId)
      const inv = (await postInvoice<PlatformInvoice>(server.url, seller, issueRequest(), 'no-font')).body
      for (const format of ['pdf', 'ofd']) {
        const r = await get<PlatformErrorBody>(server.url, `/api/v1/invoices/${inv.number}/files/${format}`, seller)
        expect(r.status).toBe(500)
        expect(r.body.error.code).toBe('INTERNAL')
        expect(r.body.error.message).toMatch(new RegExp(`^发票 ${inv.number} 的 ${format.toUpperCase()} 文件生成失败：`))
      }
    } finally {
      await server.close()
    }
  })

  it('an unknown, altered or malformed token is a 404 page, never a file', async () => {
    const p = await sandboxWithParties(tempDir())
    const inv = await issued(p)
    const link = (await share(p.url, inv.number, p.seller)).body as Share
    const token = link.url.slice(-43)
    const altered = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`
    for (const t of [altered, 'short', `${token}x`, '../invoices']) {
      const r = await call<string>(`${p.url}/share/${encodeURIComponent(t)}`)
      expect(r.status, t).toBe(404)
      expect(r.text).toContain('链接无效')
      expect((await call(`${p.url}/share/${encodeURIComponent(t)}/pdf`)).status).toBe(404)
    }
    expect(p.server.platform.openShare(token).state).toBe('open')
  })
})
