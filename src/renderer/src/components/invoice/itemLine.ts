// A maintained 开票项目 (项目信息维护) as an invoice line: its name, code, 规格型号, 单位, rate and
// price. The item's price may be stated 含税 while the invoice is typed 不含税 (or the other way):
// it is converted with the item's rate so the line means the same money.
import type { Item } from '../../../../shared/api/items'
import { Dec, formatFitted, parseDecimal, type DraftLine } from '../../../../shared/domain/invoice'
import { blankLine } from './draftForm'

function priceFor(item: Item, inclusive: boolean): string | null {
  const price = parseDecimal(item.unitPrice)
  if (price === null) return null
  if (item.priceIncludesTax === inclusive) return item.unitPrice
  const factor = new Dec(item.taxRate).plus(1)
  return formatFitted(inclusive ? price.times(factor) : price.dividedBy(factor))
}

export function lineOfItem(item: Item, inclusive: boolean): DraftLine {
  return {
    ...blankLine(),
    name: item.name,
    taxCode: item.taxCode,
    spec: item.spec,
    unit: item.unit,
    unitPrice: priceFor(item, inclusive),
    taxRate: item.taxRate,
    policy: item.policy,
  }
}
