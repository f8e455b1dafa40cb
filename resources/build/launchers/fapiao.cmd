@echo off
rem fapiao - the command line of the desktop app, on Windows. Installed as bin\fapiao.cmd in the install folder;
rem the installer puts that folder on the user's PATH (resources\build\installer.nsh). There is no Node
rem on the user's PC and the app's better-sqlite3 is built for Electron's ABI, so the CLI runs in the
rem app's own Electron as plain Node (ELECTRON_RUN_AS_NODE); FAPIAO_APP_DIR tells it where migrations\
rem and resources\ are (as VS Code's code.cmd runs its CLI). ASCII only, English messages too: cmd.exe reads a batch file in the console code page, not UTF-8.
setlocal
for %%I in ("%~dp0..") do set "APP=%%~fI"
if not exist "%APP%\FapiaoDesk.exe" (
  echo fapiao: FapiaoDesk.exe not found in "%APP%". Reinstall the app. 1>&2
  exit /b 1
)
set "ELECTRON_RUN_AS_NODE=1"
set "FAPIAO_APP_DIR=%APP%\resources"
"%APP%\FapiaoDesk.exe" "%APP%\resources\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
