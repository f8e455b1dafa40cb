import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // large imports are read in a worker thread: its own bundle beside index.js
        input: {
          index: resolve('src/main/index.ts'),
          importWorker: resolve('src/main/core/files/importWorker.ts'),
        },
        output: { entryFileNames: '[name].js' },
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
