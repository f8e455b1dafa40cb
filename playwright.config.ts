import { defineConfig } from '@playwright/test'

// Two projects: the real renderer in Debian's Chromium against web mode (DESIGN.md §8) — never
// download a browser, /usr/bin/chromium comes from apt — and the real Electron shell, which
// skips (saying why) where no Electron binary is installed.
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  projects: [
    {
      name: 'web',
      testDir: 'tests/e2e',
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
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
})
