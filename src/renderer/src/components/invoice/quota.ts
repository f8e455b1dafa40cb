// The 授信额度 as last read from the platform (DOMAIN.md §3): the month's ceiling on 金额 (excluding
// VAT), what is used, what remains, and when it was read. The sync engine (next issue) supplies it;
// until the first sync there is none.
export interface QuotaReading {
  total: string
  used: string
  remaining: string
  /** ISO 8601 time the platform answered */
  readAt: string
}
