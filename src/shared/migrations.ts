// The SQL migrations drizzle-kit writes (a meta/_journal.json and one .sql file per tag, statements
// split by `--> statement-breakpoint`), read the same way by the client ledger and the platform
// sandbox. The caller supplies the file reading, so this stays free of Node.
export interface Migration {
  tag: string
  statements: string[]
}

/** `read('meta/_journal.json')`, `read('0001_red.sql')`: the text of a file in the migrations folder */
export function readMigrations(read: (relativePath: string) => string): Migration[] {
  const journal = JSON.parse(read('meta/_journal.json')) as { entries: { idx: number; tag: string }[] }
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      tag: e.tag,
      statements: read(`${e.tag}.sql`)
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }))
}
