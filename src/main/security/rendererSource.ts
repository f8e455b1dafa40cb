// Where the window's page comes from, and whether DevTools may open. A packaged app loads only its
// own files: ELECTRON_RENDERER_URL (electron-vite's dev server) is ignored there — set in a user's
// environment it would load any page with the full bridge to the books — and DevTools stay closed
// (no menu entry, no shortcut). A development run (`npm start`) keeps both.

export interface RendererSource {
  /** the dev server's URL, or null: load the built index.html */
  url: string | null
  devTools: boolean
}

export function rendererSource(opts: { isPackaged: boolean; env: Record<string, string | undefined> }): RendererSource {
  if (opts.isPackaged) return { url: null, devTools: false }
  return { url: opts.env.ELECTRON_RENDERER_URL || null, devTools: true }
}
