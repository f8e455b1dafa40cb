// The page a phone opens from the 交付二维码: small, Chinese, no script, no outside resource. It
// names the invoice (号码, 日期, 销售方, 购买方, 价税合计) and links its three files; an expired or
// unknown link gets a page that says so and what to do.
import { INVOICE_KINDS } from '../../shared/domain/invoice/kinds'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { formatDate, formatMinute } from '../../shared/timeText'

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** the token is in the address: no page it links to, no cache and no frame may see it */
export const SHARE_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;background:#f5f6f7}
main{max-width:30rem;margin:0 auto;padding:1rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}
dl{background:#fff;border-radius:8px;padding:.5rem 1rem;margin:0 0 1rem}
dt{color:#646a73;font-size:.875rem;margin-top:.5rem}
dd{margin:0;word-break:break-all}
.total{font-size:1.25rem;font-weight:600;color:#c0392b}
.files a{display:block;text-align:center;background:#1677ff;color:#fff;text-decoration:none;border-radius:8px;padding:.75rem;margin:.5rem 0;font-weight:600}
.note{color:#646a73;font-size:.875rem}
</style></head>
<body><main>${body}</main></body></html>`
}

export function sharePage(token: string, invoice: PlatformInvoice, expiresAt: string): string {
  const kind = INVOICE_KINDS.find((k) => k.code === invoice.kind)?.name ?? invoice.kind
  const files = (['pdf', 'ofd', 'xml'] as const).map((f) => `<a href="/share/${token}/${f}" download="${invoice.number}.${f}">下载 ${f.toUpperCase()} 文件</a>`).join('\n')
  return layout(
    `发票 ${invoice.number}`,
    `<h1>${escape(kind)}${invoice.colour === 'red' ? '（红字）' : ''}</h1>
<dl>
<dt>发票号码</dt><dd>${escape(invoice.number)}</dd>
<dt>开票日期</dt><dd>${formatDate(invoice.issuedAt)}</dd>
<dt>销售方</dt><dd>${escape(invoice.seller.name)}<br><span class="note">${escape(invoice.seller.taxId)}</span></dd>
<dt>购买方</dt><dd>${escape(invoice.buyer.name)}${invoice.buyer.taxId ? `<br><span class="note">${escape(invoice.buyer.taxId)}</span>` : ''}</dd>
<dt>价税合计</dt><dd class="total">¥${escape(invoice.total)}</dd>
</dl>
<div class="files">${files}</div>
<p class="note">此链接有效期至 ${formatMinute(expiresAt)}（北京时间），过期后请向开票方重新索取二维码。</p>`,
  )
}

export function shareGonePage(state: 'expired' | 'unknown'): string {
  return state === 'expired'
    ? layout('链接已过期', '<h1>链接已过期</h1><p>此发票交付二维码已超过有效期。请向开票方重新索取二维码或发票文件。</p>')
    : layout('链接无效', '<h1>链接无效</h1><p>没有找到此发票交付链接，请核对二维码或链接是否完整，或向开票方重新索取。</p>')
}
