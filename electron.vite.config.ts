import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    // `fapiao --version` prints it without reading package.json (src/main/cli/version.ts)
    define: { __FAPIAO_VERSION__: JSON.stringify((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version) },
    build: {
      rolldownOptions: {
        // large imports are read in a worker thread: its own bundle beside index.js
        input: {
          index: resolve('src/main/index.ts'),
          importWorker: resolve('src/main/core/files/importWorker.ts'),
          // the `fapiao` command, run by plain Node (bin/fapiao.js) or by the app's binary as Node
          cli: resolve('src/main/cli/index.ts'),
        },
        // shared chunks beside the entries, not in chunks/: a chunk finds the import worker as its
        // sibling (siblingModule), wherever the bundler puts the code the app and the CLI share
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // a sandboxed preload must be CommonJS
    build: { rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('src/renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
  },
})
