import { defineConfig } from '@playwright/test'

// The real renderer in Debian's Chromium against web mode (DESIGN.md §8). Never download a
// browser: /usr/bin/chromium comes from apt (.ci/run installs it).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // without these Chromium keeps dialling Google's hosts, which this network refuses
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
})
