// Whether a list's 查询条件 narrow it — so an empty list can say "nothing matches" (with 清除筛选)
// rather than "nothing yet".

const blank = (v: unknown): boolean => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0)

/** the conditions narrow the list: some field differs from the empty query's (blank ones count as equal) */
export function narrows(applied: object, empty: object): boolean {
  const a = applied as Record<string, unknown>
  const e = empty as Record<string, unknown>
  return Object.keys({ ...a, ...e }).some((k) => {
    const x = typeof a[k] === 'string' ? (a[k] as string).trim() : a[k]
    return !(blank(x) && blank(e[k])) && JSON.stringify(x) !== JSON.stringify(e[k])
  })
}
