// LIKE with the user's text taken literally: % and _ typed in a search box are not wildcards.
import { sql, type SQL, type AnyColumn } from 'drizzle-orm'

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function likeContains(col: AnyColumn | SQL, text: string): SQL {
  return sql`${col} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`
}

export function likePrefix(col: AnyColumn | SQL, text: string): SQL {
  return sql`${col} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`
}
