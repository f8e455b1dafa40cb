; 票税通's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The command line: <install folder>\bin holds fapiao.cmd (win.extraFiles); this puts that folder on
; the user's own PATH (HKCU\Environment — a per-user install has no admin rights, and needs none),
; and the uninstaller takes it off again. The bin folder, not the install folder itself: PATH is
; also where Windows looks for DLLs, and Electron's own (ffmpeg.dll, libEGL.dll …) must not be found
; by other programs.
; NSIS strings hold NSIS_MAX_STRLEN characters: a longer PATH would be read cut short, and writing it
; back would lose the user's entries, so then PATH is left alone and the user told how to add it.
; Written inline, not as functions: the uninstaller is compiled apart and could not call them.
!include "LogicLib.nsh"
!include "WinMessages.nsh"

!macro customInstall
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  ReadRegStr $R0 HKCU "Environment" "Path"
  StrCpy $R1 "$INSTDIR\bin"
  ; already there (a reinstall, an update)? look for ";<bin>;" in ";<PATH>;" (StrCmp ignores case, as Windows does)
  StrCpy $R2 ";$R0;"
  StrCpy $R3 ";$R1;"
  StrLen $R4 $R3
  StrCpy $R5 0
  fapiao_path_scan:
    StrCpy $R3 $R2 $R4 $R5
    StrCmp $R3 "" fapiao_path_add
    StrCmp $R3 ";$R1;" fapiao_path_done
    IntOp $R5 $R5 + 1
    Goto fapiao_path_scan
  fapiao_path_add:
    StrLen $R2 $R0
    IntOp $R2 $R2 + $R4
    ${If} $R2 >= ${NSIS_MAX_STRLEN}
      MessageBox MB_OK|MB_ICONINFORMATION "用户环境变量 PATH 太长，安装程序没有改动它。要在命令行使用 fapiao，请把以下文件夹加入 PATH：$\r$\n$R1" /SD IDOK
      Goto fapiao_path_done
    ${EndIf}
    ${If} $R0 == ""
      StrCpy $R0 "$R1"
    ${Else}
      StrCpy $R2 $R0 1 -1
      ${If} $R2 == ";"
        StrCpy $R0 "$R0$R1"
      ${Else}
        StrCpy $R0 "$R0;$R1"
      ${EndIf}
    ${EndIf}
    ; REG_EXPAND_SZ keeps the user's %USERPROFILE%-style entries as they were
    WriteRegExpandStr HKCU "Environment" "Path" "$R0"
    ; open consoles keep their PATH; new ones (Explorer tells them) see the change
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  fapiao_path_done:
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
!macroend

!macro customUnInstall
  ; an update runs the old uninstaller first (--updated): the folder stays on PATH
  ${IfNot} ${isUpdated}
    Push $R0
    Push $R1
    Push $R2
    Push $R3
    Push $R4
    Push $R5
    ReadRegStr $R0 HKCU "Environment" "Path"
    StrCpy $R1 "$INSTDIR\bin"
    StrLen $R2 $R0
    IntOp $R2 $R2 + 1
    ; a PATH read cut short (see above) is never written back
    ${If} $R2 < ${NSIS_MAX_STRLEN}
      ; rebuild the list entry by entry without ours
      StrCpy $R2 "$R0;"
      StrCpy $R3 ""
      fapiao_unpath_next:
        StrCmp $R2 "" fapiao_unpath_write
        StrCpy $R4 0
        fapiao_unpath_find:
          StrCpy $R5 $R2 1 $R4
          StrCmp $R5 ";" fapiao_unpath_cut
          IntOp $R4 $R4 + 1
          Goto fapiao_unpath_find
        fapiao_unpath_cut:
          StrCpy $R5 $R2 $R4
          IntOp $R4 $R4 + 1
          StrCpy $R2 $R2 "" $R4
          StrCmp $R5 $R1 fapiao_unpath_next
          ; every other entry stays as it was, empty ones too
          StrCpy $R3 "$R3;$R5"
          Goto fapiao_unpath_next
      fapiao_unpath_write:
      StrCpy $R3 $R3 "" 1
      ${If} $R3 != $R0
        ${If} $R3 == ""
          DeleteRegValue HKCU "Environment" "Path"
        ${Else}
          WriteRegExpandStr HKCU "Environment" "Path" "$R3"
        ${EndIf}
        SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      ${EndIf}
    ${EndIf}
    Pop $R5
    Pop $R4
    Pop $R3
    Pop $R2
    Pop $R1
    Pop $R0
  ${EndIf}
!macroend
