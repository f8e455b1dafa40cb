// A proxy between the client and the platform that misbehaves on purpose (DESIGN.md §8): it can
// refuse, delay, answer 5xx, cut the connection after the platform processed the request (the
// answer is lost), or send a request twice. `plan` picks the fault for each request.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  | 'pass'
  /** the request never reaches the platform; the connection is reset */
  | 'reset-before'
  /** the platform processes the request; the client gets no answer (connection cut) */
  | 'cut-after'
  /** answered 503 without reaching the platform */
  | '503'
  /** the platform processes the request; the client is told 500 */
  | '500-after'
  /** the platform gets the request twice; the client gets the second answer */
  | 'repeat'
  | { delayMs: number }

export interface FaultProxy {
  url: string
  /** how many requests arrived, by fault applied */
  counts: Record<string, number>
  plan: (req: { method: string; path: string; n: number }) => Fault
  /** stop accepting connections (ECONNREFUSED) / accept again on the same port */
  refuse(): Promise<void>
  accept(): Promise<void>
  close(): Promise<void>
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    out.on('error', reject)
    out.end(body)
  })
}

export async function startFaultProxy(targetUrl: string, plan: FaultProxy['plan'] = () => 'pass'): Promise<FaultProxy> {
  const target = new URL(targetUrl)
  let n = 0
  const counts: Record<string, number> = {}
  const sockets = new Set<import('node:net').Socket>()
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks)
    const fault = proxy.plan({ method: req.method ?? 'GET', path: req.url ?? '/', n: n++ })
    const name = typeof fault === 'string' ? fault : 'delay'
    counts[name] = (counts[name] ?? 0) + 1
    try {
      if (fault === 'reset-before') return void req.socket.destroy()
      if (fault === '503') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable')
      if (typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault === 'repeat') await forward(target, req, body)
      const answer = await forward(target, req, body)
      if (fault === 'cut-after') return void req.socket.destroy()
      if (fault === '500-after') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error')
      const { 'transfer-encoding': _te, connection: _c, 'keep-alive': _ka, ...headers } = answer.headers
      res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) }).end(answer.body)
    } catch {
      req.socket.destroy()
    }
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  const listen = (port: number) => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  const stop = () =>
    new Promise<void>((r) => {
      server.close(() => r())
      for (const s of sockets) s.destroy()
    })
  await listen(0)
  const port = (server.address() as AddressInfo).port
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    counts,
    plan,
    refuse: stop,
    accept: () => listen(port),
    close: () => (server.listening ? stop() : Promise.resolve()),
  }
  return proxy
}
