// What the 备注 box holds: a red invoice's reference to its blue invoice and 确认单 first (DOMAIN.md
// §4, in case a draft lost it), the typed 备注, the buyer's address and bank where the draft asks to
// show them (the 数电票 has no 密码区 or address rows: they go here), the 购买方经办人 and the
// 附加要素 as 名称：内容.
import { redRemark } from '../red/redDraft'
import type { PlatformInvoice } from '../../platform/wire'
import { idTypeName } from '../idTypes'

export function remarkText(invoice: PlatformInvoice): string {
  const d = invoice.draft
  const parts: string[] = []
  const red = invoice.colour === 'red' && invoice.redOf ? redRemark(invoice.redOf.blueNumber, invoice.redOf.confirmationNumber) : ''
  if (red !== '' && !d.remark.includes(red)) parts.push(red)
  if (d.remark.trim() !== '') parts.push(d.remark.trim())
  const b = d.buyer
  if (b.showAddressPhone && (b.address || b.phone)) parts.push(`购方地址：${b.address}；电话：${b.phone}`)
  if (b.showBank && (b.bank || b.account)) parts.push(`购方开户银行：${b.bank}；银行账号：${b.account}`)
  const a = d.agent
  if (a && a.name.trim() !== '') {
    const id = a.idNumber.trim() !== '' ? `；${a.idType ? idTypeName(a.idType) : '证件号码'}：${a.idNumber}` : ''
    parts.push(`购买方经办人：${a.name}${id}`)
  }
  for (const x of d.extras) if (x.name.trim() !== '') parts.push(`${x.name}：${x.value}`)
  return parts.join('\n')
}
