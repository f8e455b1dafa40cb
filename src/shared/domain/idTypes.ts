// 证件类型 of natural persons on invoices (DOMAIN.md §9); codes as the platform uses them.
export const ID_TYPES = [
  { code: '201', name: '居民身份证' },
  { code: '208', name: '外国护照' },
  { code: '210', name: '港澳居民来往内地通行证' },
  { code: '213', name: '台湾居民来往大陆通行证' },
  { code: '227', name: '中国护照' },
  { code: '233', name: '外国人永久居留身份证' },
  { code: '237', name: '港澳居民居住证' },
  { code: '238', name: '台湾居民居住证' },
] as const

export type IdTypeCode = (typeof ID_TYPES)[number]['code']
export const ID_TYPE_CODES = ID_TYPES.map((t) => t.code) as [IdTypeCode, ...IdTypeCode[]]
export const ID_CARD: IdTypeCode = '201'

export function idTypeName(code: string | null): string {
  return ID_TYPES.find((t) => t.code === code)?.name ?? ''
}

/** A 证件类型 typed by name or code. */
export function parseIdType(text: string): IdTypeCode | null {
  const t = text.trim()
  return ID_TYPES.find((x) => x.code === t || x.name === t)?.code ?? (t === '身份证' ? ID_CARD : null)
}
