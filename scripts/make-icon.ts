// Draws the app icon, resources/build/icon.png (1024 × 1024; electron-builder makes the Windows .ico
// and the macOS .icns from it on the build host): the red 票 seal on a white rounded square. Drawn as
// SVG and rendered by Chromium (Debian's, as the Playwright tests use — no browser download), in the
// font the app already ships (LXGW WenKai, OFL), so the mark looks the same on every machine.
//   npx tsx scripts/make-icon.ts
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const FONT = path.join(ROOT, 'resources/fonts/LXGWWenKai-Regular.ttf')
const OUT = path.join(ROOT, 'resources/build/icon.png')
const SIZE = 1024
/** 中国红, the colour of a 发票专用章 */
const RED = '#d7000f'

// macOS's icon grid: an 824 px rounded square centred on the 1024 px canvas, room left for its shadow
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <filter id="shadow" x="-10%" y="-10%" width="120%" height="130%">
      <feDropShadow dx="0" dy="12" stdDeviation="14" flood-color="#000" flood-opacity="0.28"/>
    </filter>
  </defs>
  <rect x="100" y="88" width="824" height="824" rx="185" fill="#ffffff" filter="url(#shadow)"/>
  <rect x="232" y="220" width="560" height="560" rx="64" fill="none" stroke="${RED}" stroke-width="36"/>
  <text x="512" y="512" text-anchor="middle" dominant-baseline="central" font-family="Icon" font-size="420" fill="${RED}" stroke="${RED}" stroke-width="10">票</text>
</svg>`

const html = `<!doctype html><html><head><style>
@font-face { font-family: Icon; src: url(data:font/ttf;base64,${fs.readFileSync(FONT).toString('base64')}); }
html, body { margin: 0; background: transparent; }
</style></head><body>${svg}</body></html>`

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
  await page.setContent(html)
  await page.evaluate(() => document.fonts.ready)
  await page.locator('svg').screenshot({ path: OUT, omitBackground: true })
  console.log(`已生成 ${path.relative(ROOT, OUT)}`)
} finally {
  await browser.close()
}
