import { defineConfig } from 'drizzle-kit'

// The ledger's migrations: SQL files generated from src/main/core/ledger/schema.ts, applied at open.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/core/ledger/schema.ts',
  out: './migrations/ledger',
})
