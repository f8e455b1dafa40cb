// A real SMTP server for one vitest test, closed when the test finishes (tests/support/smtp.ts).
import { onTestFinished } from 'vitest'
import { startSmtpServer, type TestSmtp } from './smtp'

export async function startSmtp(opts: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtp> {
  const smtp = await startSmtpServer(opts)
  onTestFinished(smtp.close)
  return smtp
}
