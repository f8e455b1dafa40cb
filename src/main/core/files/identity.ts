// Which imported row is which record: the identity an import spec declares, as the ledger's
// unique indexes enforce it (客户: 企业 by 纳税人识别号, 自然人 by 名称 + 证件号码; 项目 by 名称 + 规格型号).
// One declaration serves both uses: rows with the same identity within a file are duplicates,
// and each staged row finds the ledger's record in a single statement when the import is applied.

/**
 * The cases of an identity, tried in order: a record matches the first case whose `where` values
 * it has (none: every record), and is identified by that case's columns (drizzle keys).
 */
export type IdentityKeys = { where?: Record<string, string>; columns: string[] }[]

/** the case a record falls under, or -1 */
export function identityCase(keys: IdentityKeys, record: Record<string, unknown>): number {
  return keys.findIndex((k) => Object.entries(k.where ?? {}).every(([key, value]) => record[key] === value))
}

/** a record's identity as text: equal for the same record, within one import */
export function identityOf(keys: IdentityKeys, record: Record<string, unknown>): string | null {
  const i = identityCase(keys, record)
  return i < 0 ? null : JSON.stringify([i, ...keys[i]!.columns.map((c) => record[c] ?? null)])
}
