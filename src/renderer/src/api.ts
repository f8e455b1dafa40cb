// The renderer's one client to the core (DESIGN.md §3): the Electron bridge when present,
// else HTTP to web mode. Screens call `api.items.list(...)`, listen with `onEvent`, and handle
// files through `pickFile` / `saveFile` — never a path.
import type { CallName, Input, Output } from '../../shared/api'
import type { FileRef } from '../../shared/api/define'
import type { ApiErrorBody } from '../../shared/api/errors'
import type { AppEvent } from '../../shared/events'
import type { FapiaoBridge, HostCallName, HostCalls, ShellMessage } from '../../shared/host'

declare global {
  interface Window {
    fapiao?: FapiaoBridge
  }
}

/** An error from the core, with its stable code and a message fit to show. */
export class ApiError extends Error {
  readonly code: string
  readonly details?: unknown
  constructor(body: ApiErrorBody | { code: string; message: string; details?: unknown }) {
    super(body.message)
    this.code = body.code
    this.details = body.details
  }

  /** field → message, for showing errors next to the inputs */
  fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? []
    const out: Record<string, string> = {}
    for (const i of issues) out[i.path] ??= i.message
    return out
  }
}

const TOKEN_KEY = 'fapiao.token'

function webToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // keep the token out of the address bar and history
    history.replaceState(null, '', location.pathname + location.hash)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpBridge(): FapiaoBridge {
  const token = webToken()
  const listeners = new Set<(event: unknown) => void>()
  let source: EventSource | undefined
  return {
    async invoke(name, input) {
      let res: Response
      try {
        res = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fapiao-token': token },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return { ok: false, error: { code: 'OFFLINE', message: '无法连接到票税通服务，请确认它仍在运行' } }
      }
      const body = (await res.json().catch(() => ({}))) as { value?: unknown; error?: ApiErrorBody }
      return body.error ? { ok: false, error: body.error } : { ok: true, value: body.value }
    },
    // One shared stream for all listeners: each EventSource holds one of the browser's six
    // connections per host, and a stream opened per job would miss the job's first events.
    onEvent(listener) {
      listeners.add(listener)
      if (!source) {
        source = new EventSource(`/api/events?t=${encodeURIComponent(token)}`)
        source.onmessage = (m) => {
          const event: unknown = JSON.parse(m.data as string)
          for (const l of [...listeners]) l(event)
        }
      }
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

const bridge: FapiaoBridge = window.fapiao ?? httpBridge()
export const isDesktop = window.fapiao !== undefined

export async function call<N extends CallName>(name: N, input: Input<N>): Promise<Output<N>> {
  const r = await bridge.invoke(name, input)
  if (!r.ok) throw new ApiError(r.error)
  return r.value as Output<N>
}

async function host<N extends HostCallName>(name: N, input: Parameters<HostCalls[N]>[0]): Promise<ReturnType<HostCalls[N]>> {
  const r = await bridge.invoke(name, input)
  if (!r.ok) throw new ApiError(r.error)
  return r.value as ReturnType<HostCalls[N]>
}

type Feature<K> = K extends `${infer F}.${string}` ? F : never
type Client = {
  [F in Feature<CallName>]: {
    [K in CallName as K extends `${F}.${infer M}` ? M : never]: (input: Input<K>) => Promise<Output<K>>
  }
}

/** api.items.list({ page: 1 }) — typed from the contract */
export const api = new Proxy({} as Client, {
  get: (_t, feature: string) => new Proxy({}, { get: (_f, method: string) => (input: unknown) => call(`${feature}.${method}` as CallName, input as never) }),
})

export function onEvent(listener: (e: AppEvent) => void): () => void {
  return bridge.onEvent((e) => listener(e as AppEvent))
}

/** Lets the user choose a file; in the browser it is uploaded and becomes a token. */
export async function pickFile(title: string, extensions: string[]): Promise<FileRef | null> {
  if (isDesktop) return host('host.pickOpen', { title, extensions })
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.oncancel = () => resolve(null)
    input.click()
  })
  return file ? uploadFile(file) : null
}

export async function uploadFile(file: File): Promise<FileRef> {
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'x-fapiao-token': webToken() },
    body: file,
  })
  const body = (await res.json().catch(() => ({}))) as { value?: FileRef; error?: ApiErrorBody }
  if (body.error || !body.value) throw new ApiError(body.error ?? { code: 'INTERNAL', message: '上传失败' })
  return body.value
}

/**
 * A file dropped on the window, as a token: in the desktop shell the host registers it where it
 * lies (its path never reaches the page); in the browser it is uploaded, as a dialog's choice is.
 */
export async function droppedFile(file: File): Promise<FileRef> {
  if (!bridge.openDropped) return uploadFile(file)
  const r = await bridge.openDropped(file)
  if (!r.ok) throw new ApiError(r.error)
  return r.value as FileRef
}

/** What the desktop shell asks of the window (nothing in the browser). */
export function onShell(listener: (message: ShellMessage) => void): () => void {
  return bridge.onShell?.(listener) ?? (() => undefined)
}

/** The window's answer to the shell's 'flush'. */
export async function answerFlush(id: number, saved: boolean): Promise<void> {
  await host('host.flushed', { id, saved })
}

/** Saves a file the core produced: a native save dialog, or the browser's download. */
export async function saveFile(file: FileRef): Promise<void> {
  if (isDesktop) {
    await host('host.saveFile', { token: file.token })
    return
  }
  const a = document.createElement('a')
  a.href = `/api/files/${file.token}?t=${encodeURIComponent(webToken())}`
  a.download = file.name
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** 打印 in the desktop shell: the system's print dialog for a PDF the core produced. */
export async function printFile(file: FileRef): Promise<{ printed: boolean }> {
  return host('host.printFile', { token: file.token })
}

/** 打开文件夹 in the desktop shell: the data folder in Explorer / Finder. */
export async function openDataFolder(): Promise<void> {
  await host('host.openDataFolder', {})
}

/** The bytes of a file the core produced, in web mode (a PDF to print inside the page). */
export async function fetchFile(file: FileRef): Promise<Blob> {
  const res = await fetch(`/api/files/${file.token}?t=${encodeURIComponent(webToken())}`)
  if (!res.ok) throw new ApiError({ code: 'NOT_FOUND', message: '文件已失效，请重新生成' })
  return res.blob()
}

/** A fresh id for a long job, so its progress can be followed and it can be cancelled. */
export function newJobId(): string {
  return crypto.randomUUID()
}

/** 软件更新 (desktop only: the browser has no updater — check isDesktop first): host.update.* */
export function updateHost<N extends Extract<HostCallName, `host.update.${string}`>>(name: N, input: Parameters<HostCalls[N]>[0]): Promise<ReturnType<HostCalls[N]>> {
  return host(name, input)
}
