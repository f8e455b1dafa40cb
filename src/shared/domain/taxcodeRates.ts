// The public 税收分类编码 tables carry the rates of early 2018; the rates changed since (17%→16%→13%,
// 11%→10%→9%; 财政部 税务总局 海关总署公告2019年第39号). The platform is the authority on rates; until
// its table says otherwise, the client and the sandbox both read a table's rates as today's.
const RATE_SINCE_2019: Record<string, string> = { '17%': '13%', '16%': '13%', '11%': '9%', '10%': '9%' }

/** '17%,11%' → ['13%', '9%'] */
export function currentRates(raw: string): string[] {
  const out: string[] = []
  for (const part of raw.split(/[,，|、;；]/)) {
    const t = part.trim()
    if (t === '') continue
    const rate = RATE_SINCE_2019[t] ?? t
    if (!out.includes(rate)) out.push(rate)
  }
  return out
}
