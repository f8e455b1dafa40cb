// A real SMTP server on 127.0.0.1 (the smtp-server package) for the 交付 tests: with or without a
// login, with or without STARTTLS (its own self-signed certificate, which a client must refuse);
// every message it accepts is kept whole, as it arrived. The caller closes it (vitest tests use
// smtpForTest.ts, which closes it after the test).
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  port: number
  messages: { from: string; to: string[]; raw: Buffer }[]
  close(): Promise<void>
}

export async function startSmtpServer(opts: { login?: { user: string; pass: string }; starttls?: boolean } = {}): Promise<TestSmtp> {
  const messages: TestSmtp['messages'] = []
  const server = new SMTPServer({
    authOptional: !opts.login,
    allowInsecureAuth: true,
    disabledCommands: opts.starttls ? [] : ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, done) {
      if (opts.login && auth.username === opts.login.user && auth.password === opts.login.pass) return done(null, { user: auth.username })
      const e = new Error('Invalid username or password') as Error & { responseCode: number }
      e.responseCode = 535
      done(e)
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        })
        done()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return { port, messages, close }
}
