// The OFD's zip read back by Info-ZIP's unzip (an independent reader that checks every CRC).
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { zipSync } from './zip'

function unzipTo(zip: Buffer): { dir: string; listing: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ofd-zip-'))
  const file = path.join(dir, 'x.ofd')
  fs.writeFileSync(file, zip)
  expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected')
  execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'out')])
  return { dir: path.join(dir, 'out'), listing: execFileSync('zipinfo', ['-v', file], { encoding: 'utf8' }) }
}

describe('zipSync', () => {
  const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD>${'<ofd:Page/>'.repeat(200)}</ofd:OFD>`)
  // random bytes do not deflate smaller: stored as they are
  const noise = crypto.randomBytes(3000)

  it('writes parts an independent unzip reads back byte for byte, deflated or stored, in the order given', () => {
    const files: [string, Buffer][] = [
      ['OFD.xml', xml],
      ['Doc_0/Res/font_1.ttf', noise],
      ['Doc_0/Empty.xml', Buffer.alloc(0)],
    ]
    const { dir, listing } = unzipTo(zipSync(files.map(([name, content]) => ({ name, content }))))
    for (const [name, content] of files) expect(fs.readFileSync(path.join(dir, name)).equals(content), name).toBe(true)
    expect(listing).toMatch(/OFD\.xml[\s\S]*compression method:\s+deflated/)
    expect(listing).toMatch(/font_1\.ttf[\s\S]*compression method:\s+none \(stored\)/)
    expect(listing.indexOf('OFD.xml')).toBeLessThan(listing.indexOf('font_1.ttf'))
  })

  it('stamps every part 2020-01-01 00:00, so the same parts make the same bytes in any time zone', () => {
    const a = zipSync([{ name: 'OFD.xml', content: xml }])
    expect(a.equals(zipSync([{ name: 'OFD.xml', content: xml }]))).toBe(true)
    expect(unzipTo(a).listing).toMatch(/file last modified on \(DOS date\/time\):\s+2020 Jan 1 00:00:00/)
  })
})
