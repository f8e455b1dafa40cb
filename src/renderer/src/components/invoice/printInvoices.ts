// 打印: the core draws the chosen invoices as one PDF (invoices.printPdf); the page hands it to the
// system's print dialog. In the browser, through a hidden frame holding the PDF (a blob: address,
// so the server's frame-ancestors 'none' does not apply) and its print(); where the frame cannot
// print, the PDF opens in a tab of its own to print from there. In the desktop shell the main
// process prints the file itself (host.printFile: a hidden window with Chromium's PDF viewer).
import type { Input } from '../../../../shared/api'
import { api, fetchFile, isDesktop, printFile } from '../../api'

let current: { frame: HTMLIFrameElement; url: string } | null = null

/** the invoices named (`refs`), or 发票查询's selection */
export async function printInvoices(which: Input<'invoices.printPdf'>): Promise<{ pages: number }> {
  const file = await api.invoices.printPdf(which)
  if (isDesktop) {
    await printFile(file)
    return { pages: file.pages }
  }
  const blob = new Blob([await (await fetchFile(file)).arrayBuffer()], { type: 'application/pdf' })
  const url = URL.createObjectURL(blob)
  if (current) {
    current.frame.remove()
    URL.revokeObjectURL(current.url)
  }
  const frame = document.createElement('iframe')
  // hidden but laid out: a frame with display: none never loads the PDF viewer
  frame.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 1px; height: 1px; border: 0; visibility: hidden'
  frame.title = '打印'
  frame.dataset.testid = 'print-frame'
  frame.dataset.pages = String(file.pages)
  frame.dataset.name = file.name
  frame.dataset.bytes = String(blob.size)
  frame.onload = () => {
    try {
      frame.contentWindow?.focus()
      frame.contentWindow?.print()
    } catch {
      window.open(url, '_blank')
    }
  }
  frame.src = url
  document.body.appendChild(frame)
  current = { frame, url }
  return { pages: file.pages }
}

/** what a failed 打印 says: the message names the cause; said once as 打印失败 */
export function printFailure(e: unknown): string {
  const message = (e as Error).message
  return message.startsWith('打印失败') ? message : `打印失败：${message}`
}
