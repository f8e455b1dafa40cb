// The platform's files of issued invoices, kept in the company's folder
// (<dataDir>/companies/<税号>/invoice-files/<号码>.<format>): an issued invoice's file never
// changes, so a second 交付 — also offline — hands over the platform's own copy. Written whole
// (temp file, rename), this user only.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DeliveryFormat } from '../../../../shared/api/delivery'
import type { Ledger } from '../../ledger/open'
import { PRIVATE_DIR_MODE, PRIVATE_MODE } from '../../privateFile'

const dirOf = (ledger: Ledger) => path.join(path.dirname(ledger.file), 'invoice-files')
const fileOf = (ledger: Ledger, number: string, format: DeliveryFormat) => path.join(dirOf(ledger), `${number}.${format}`)

export function cachedFile(ledger: Ledger, number: string, format: DeliveryFormat): Buffer | null {
  try {
    return fs.readFileSync(fileOf(ledger, number, format))
  } catch {
    return null
  }
}

export function keepFile(ledger: Ledger, number: string, format: DeliveryFormat, bytes: Uint8Array): void {
  const file = fileOf(ledger, number, format)
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  try {
    fs.writeFileSync(tmp, bytes, { mode: PRIVATE_MODE, flag: 'wx' })
    fs.renameSync(tmp, file)
  } catch {
    // a cache that cannot be written costs a fetch next time, nothing more
    fs.rmSync(tmp, { force: true })
  }
}
