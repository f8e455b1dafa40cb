import { defineConfig } from 'drizzle-kit'

// The platform sandbox's migrations: SQL files generated from src/platform/store/schema.ts, applied
// when the sandbox opens its database (src/platform/store/open.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/platform/store/schema.ts',
  out: './migrations/platform',
})
