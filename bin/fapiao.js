#!/usr/bin/env node
// `fapiao` in a checkout (`npm run build && npm link`): the CLI built with the app. An installed app
// has its own launcher, which runs the same out/main/cli.js with the app's binary as Node.
import fs from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (fs.existsSync(cli)) await import(cli.href)
else {
  process.stderr.write('错误：还没有构建命令行程序（out/main/cli.js）。请在项目目录中先运行 npm run build\n')
  process.exitCode = 1
}
