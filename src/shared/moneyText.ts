// Money as a person reads it (screens, tests): '1234567.80' → '1,234,567.80'. Amounts stay decimal strings (never
// floats); only the digits are grouped.
export function groupedMoney(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim())
  if (!m) return amount
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`
}
