// The `fapiao` launchers an installed 票税通 puts on PATH (resources/build/launchers/). The macOS
// shell script really runs here: inside a fake app bundle whose "Electron" is Node, reached through a
// symlink as users link it into ~/.local/bin. The Windows .cmd and the NSIS include cannot run on
// Linux: their text is checked, and installer.nsh is compiled by makensis when it is installed.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBuilderConfig } from '../../scripts/packagedFiles'

const ROOT = path.resolve('.')
const LAUNCHERS = path.join(ROOT, 'resources/build/launchers')
const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml'))
const productName = config.productName!

/** 票税通.app/Contents with the launcher in Resources/bin and a fake Electron (Node) in MacOS */
function fakeBundle(cli: string | null): { contents: string; linked: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-launcher-'))
  const contents = path.join(dir, `${productName}.app`, 'Contents')
  const resources = path.join(contents, 'Resources')
  fs.mkdirSync(path.join(resources, 'bin'), { recursive: true })
  fs.mkdirSync(path.join(contents, 'MacOS'))
  // copied as electron-builder copies extraResources: mode and all (the file must stay executable)
  fs.copyFileSync(path.join(LAUNCHERS, 'fapiao'), path.join(resources, 'bin', 'fapiao'))
  const electron = path.join(contents, 'MacOS', productName)
  // Electron with ELECTRON_RUN_AS_NODE=1 is Node; without it, it would open the app's window
  fs.writeFileSync(electron, `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "not run as node" >&2; exit 9; }\nexec "${process.execPath}" "$@"\n`)
  fs.chmodSync(electron, 0o755)
  if (cli !== null) {
    fs.mkdirSync(path.join(resources, 'app.asar', 'out', 'main'), { recursive: true })
    fs.writeFileSync(path.join(resources, 'app.asar', 'out', 'main', 'cli.js'), cli)
  }
  // as a user links it: ~/.local/bin/fapiao → …/Contents/Resources/bin/fapiao, relative
  const bin = path.join(dir, 'home', '.local', 'bin')
  fs.mkdirSync(bin, { recursive: true })
  const linked = path.join(bin, 'fapiao')
  fs.symlinkSync(path.relative(bin, path.join(resources, 'bin', 'fapiao')), linked)
  return { contents, linked }
}

const ECHO_CLI = `console.log(JSON.stringify({ args: process.argv.slice(2), appDir: process.env.FAPIAO_APP_DIR, script: process.argv[1] }))\nprocess.exitCode = 3\n`

// a POSIX shell and symlinks: everywhere but on a Windows build host
describe.skipIf(process.platform === 'win32')('the macOS launcher (Contents/Resources/bin/fapiao)', () => {
  it("runs the app's CLI in the app's Electron as Node, with the resources folder as FAPIAO_APP_DIR, through a symlink", () => {
    const { contents, linked } = fakeBundle(ECHO_CLI)
    const run = spawnSync(linked, ['invoices', 'list', '--buyer', '上海 某某 有限公司', '--json'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    // the CLI's own exit status comes back
    expect(run.status).toBe(3)
    const seen = JSON.parse(run.stdout) as { args: string[]; appDir: string; script: string }
    expect(seen.args).toEqual(['invoices', 'list', '--buyer', '上海 某某 有限公司', '--json'])
    const resources = fs.realpathSync(path.join(contents, 'Resources'))
    expect(seen.appDir).toBe(resources)
    expect(seen.script).toBe(path.join(resources, 'app.asar', 'out', 'main', 'cli.js'))
  })

  it('says in Chinese what to do when the app it belongs to is gone', () => {
    const { contents, linked } = fakeBundle(ECHO_CLI)
    fs.rmSync(path.join(contents, 'MacOS'), { recursive: true })
    const run = spawnSync(linked, ['--version'], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('找不到 票税通 应用程序')
  })

  const builtCli = path.join(ROOT, 'out/main/cli.js')
  it.skipIf(!fs.existsSync(builtCli))('starts the built CLI and prints its version (skipped while out/main/cli.js is not built: npm run build)', () => {
    const { contents, linked } = fakeBundle(null)
    const resources = path.join(contents, 'Resources')
    // the packed app: the project stands in for app.asar (its node_modules are beside out/), and
    // migrations/ + resources/ sit in the resources folder as extraResources puts them
    fs.symlinkSync(ROOT, path.join(resources, 'app.asar'))
    fs.symlinkSync(path.join(ROOT, 'migrations'), path.join(resources, 'migrations'))
    fs.symlinkSync(path.join(ROOT, 'resources'), path.join(resources, 'resources'))
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    const out = execFileSync(linked, ['--version'], { encoding: 'utf8', env: { ...process.env, FAPIAO_DATA: fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-data-')) } })
    expect(out).toContain(version)
  })
})

describe('the Windows launcher (bin\\fapiao.cmd)', () => {
  const cmd = fs.readFileSync(path.join(LAUNCHERS, 'fapiao.cmd'), 'latin1')
  const exe = `${config.win?.executableName ?? productName}.exe`

  it('is ASCII with CRLF line ends: cmd.exe reads a batch file in the console code page', () => {
    expect(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(cmd)).toBe(true)
    expect(
      cmd
        .split('\r\n')
        .slice(0, -1)
        .every((line) => !line.includes('\n')),
    ).toBe(true)
    expect(cmd.endsWith('\r\n')).toBe(true)
  })

  it("runs the app's exe (named as electron-builder.yml names it) as Node on the packed CLI, with the resources folder as FAPIAO_APP_DIR", () => {
    expect(/^[\x20-\x7e]+$/.test(exe)).toBe(true)
    const lines = cmd.split('\r\n')
    // bin\ is one below the install folder, where the exe and resources\ are
    expect(lines).toContain('for %%I in ("%~dp0..") do set "APP=%%~fI"')
    expect(lines).toContain('setlocal')
    expect(lines).toContain('set "ELECTRON_RUN_AS_NODE=1"')
    expect(lines).toContain('set "FAPIAO_APP_DIR=%APP%\\resources"')
    expect(lines).toContain(`"%APP%\\${exe}" "%APP%\\resources\\app.asar\\out\\main\\cli.js" %*`)
    expect(lines).toContain('exit /b %ERRORLEVEL%')
  })

  it('is installed into the bin folder the installer puts on PATH', () => {
    expect(config.win?.extraFiles).toEqual([{ from: 'resources/build/launchers/fapiao.cmd', to: 'bin/fapiao.cmd' }])
    const nsh = fs.readFileSync(path.join(ROOT, 'resources/build/installer.nsh'), 'utf8')
    expect(nsh.match(/StrCpy \$R1 "\$INSTDIR\\bin"/g)).toHaveLength(2)
    expect(nsh).toContain('WriteRegExpandStr HKCU "Environment" "Path"')
  })
})

const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0
describe('the NSIS include (resources/build/installer.nsh)', () => {
  it.skipIf(!makensis)('compiles into an installer and an uninstaller (skipped: makensis is not installed — apt-get install nsis)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-nsis-'))
    // electron-builder's templates define isUpdated and insert the two macros; this stands in for them
    fs.writeFileSync(
      path.join(dir, 'check.nsi'),
      [
        'Unicode true',
        '!define isUpdated "0 = 1"',
        `!include "${path.join(ROOT, 'resources/build/installer.nsh')}"`,
        'Name "check"',
        `OutFile "${path.join(dir, 'check.exe')}"`,
        'RequestExecutionLevel user',
        'InstallDir "$LOCALAPPDATA\\Programs\\check"',
        'Section "install"',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Section "un.install"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        '',
      ].join('\n'),
    )
    const run = spawnSync('makensis', ['-V2', '-WX', path.join(dir, 'check.nsi')], { encoding: 'utf8' })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(fs.existsSync(path.join(dir, 'check.exe'))).toBe(true)
  })
})
