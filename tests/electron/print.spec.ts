// 打印 in the real desktop shell: host.printFile takes a token of the core's print PDF, loads it in
// Chromium's PDF viewer in a hidden window and prints it. A test cannot click a system print dialog,
// so the WebContents' print() is replaced, in the main process, by printToPDF of the same page —
// what the viewer would send to the printer — and that output must hold the invoice's text
// (pdftotext). A blank page (the viewer printed before it was ready, electron#30947) fails it.
// Bad tokens are refused in Chinese through the same IPC. Runs only where an Electron binary is
// installed.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, NO_ELECTRON, NO_ELECTRON_REASON } from './launch'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'

test.skip(NO_ELECTRON, NO_ELECTRON_REASON)

test('打印 in the desktop shell: the print PDF goes through the PDF viewer in a hidden window; bad tokens are refused in Chinese', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-print-'))
  const printed = path.join(dataDir, 'printed.pdf')
  const app = await launchApp(dataDir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    const invoke = (name: string, input: unknown) =>
      page.evaluate(([n, i]) => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke(n, i), [name, input] as const)
    const value = async <T>(name: string, input: unknown): Promise<T> => {
      const r = (await invoke(name, input)) as { ok: boolean; value: T; error?: unknown }
      expect(r, name).toMatchObject({ ok: true })
      return r.value
    }

    await value('companies.create', { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44', operator: '王会计' })
    const { id } = await value<{ id: number }>('invoices.saveDraft', { draft: testDraft() })
    const pdf = await value<{ token: string; pages: number }>('invoices.printPdf', { refs: [{ id }] })

    // the print dialog, replaced by what it would print: the viewer's page as PDF
    await app.evaluate(({ BrowserWindow }, out) => {
      const proto = Object.getPrototypeOf(BrowserWindow.getAllWindows()[0]!.webContents) as { print: unknown }
      proto.print = function (this: Electron.WebContents, _opts: unknown, done: (ok: boolean, why: string) => void) {
        void this.printToPDF({}).then(
          (bytes) => {
            process.getBuiltinModule('node:fs').writeFileSync(out, bytes)
            done(true, '')
          },
          (e: Error) => done(false, e.message),
        )
      }
    }, printed)
    expect(await invoke('host.printFile', { token: pdf.token })).toEqual({ ok: true, value: { printed: true } })
    const text = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' })
    expect(text).toContain('深圳市测试科技有限公司')
    // the hidden window is gone once printed
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

    expect(await invoke('host.printFile', { token: 'no-such-token' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '要打印的文件已失效，请重新点击“打印”' } })
    expect(await invoke('host.printFile', {})).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请指定要打印的文件' } })
    const xlsx = await value<{ token: string; name: string }>('items.template', {})
    expect(await invoke('host.printFile', { token: xlsx.token })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^只能打印 PDF 文件/) } })
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
