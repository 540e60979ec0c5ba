; FactDesk Windows installer (NSIS 3, Unicode, Modern UI 2). It wraps the PyInstaller onedir
; folder dist\factdesk\ (factdesk.exe, factdesk-cli.exe, _internal\) into
; dist\FactDesk-<version>-setup.exe.
;
; Build on Windows (from the repository root, after PyInstaller; see .github/workflows/packages.yml):
;
;   pyinstaller --noconfirm --clean packaging/factdesk.spec
;   python -c "from PIL import Image; Image.open('resources/icons/factdesk.png').save('build/factdesk.ico', sizes=[(16,16),(32,32),(48,48),(256,256)])"
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 /DSRCDIR=%CD%\dist\factdesk /DICON=%CD%\build\factdesk.ico /DOUTDIR=%CD%\dist packaging\windows\factdesk.nsi
;
; Checked on Linux (Debian's `nsis` package, makensis 3.08) against a stand-in folder, with
; warnings treated as errors:
;
;   d=/tmp/nsis-helper-src/factdesk && mkdir -p $d/_internal /tmp/nsis-helper-out && touch $d/factdesk.exe $d/factdesk-cli.exe $d/_internal/x.dll
;   makensis -WX -INPUTCHARSET UTF8 -DSRCDIR=$d -DOUTDIR=/tmp/nsis-helper-out packaging/windows/factdesk.nsi
;
; Defines (all optional; /DNAME=value on Windows, -DNAME=value also works on Linux):
;   VERSION      the version shown and used in the file name. Default: [project] version read
;                from ..\..\pyproject.toml (the first `version = "..."` line in that file).
;   SRCDIR       the PyInstaller onedir folder. Default: ..\..\dist\factdesk
;   OUTDIR       where FactDesk-<VERSION>-setup.exe is written (the folder must exist).
;                Default: ..\..\dist, i.e. the repository's dist\
;   ICON         an .ico for the installer and uninstaller. Default: NSIS's own icon.
;   LICENSEFILE  the licence shown on the licence page. Default: ..\..\LICENSE; the page is
;                left out when that file does not exist.
; makensis changes into this script's folder before reading it, so relative paths in these
; defines are relative to packaging\windows\, not to where makensis was started. CI passes
; absolute paths.
;
; What it does:
; * Installs factdesk.exe, factdesk-cli.exe and the _internal\ folder (the layout PyInstaller 6
;   gives with its default contents directory). Anything else at the top of SRCDIR is not
;   packaged; add it to the File lines below and to RemoveProgramFiles if the spec ever adds some.
; * Per-machine install (admin rights, UAC prompt) into $PROGRAMFILES64\FactDesk, 64-bit Windows
;   only. There is no per-user mode: one registry hive and one set of shortcuts keeps upgrades and
;   uninstall simple.
; * Start menu shortcut (on by default) and desktop shortcut (off by default); the uninstaller is
;   registered in Add/Remove Programs (64-bit registry view).
; * English and Arabic installer pages (language chosen from Windows's UI language, with a
;   language dialog when run interactively).
; * Upgrade = run a newer installer over the old one. Before copying, it deletes the old program
;   files (factdesk*.exe and the whole _internal folder), so no stale library from the previous
;   version is left behind. If the earlier install lives in another folder, its own uninstaller is
;   run there silently first.
; * User data is never touched, neither on upgrade nor on uninstall: the desk database and
;   settings live in %LOCALAPPDATA%\FactDesk\FactDesk (platformdirs), outside the install folder.
;   The uninstaller deletes only the files this installer put in the install folder, by name, and
;   then the folder itself only if it is empty; it never does a recursive delete of $INSTDIR, so a
;   mistyped install folder (C:\, Documents, the data folder) cannot cost anyone their files.
; * No "Run FactDesk" checkbox on the last page: the installer runs elevated, and the app started
;   from it would run as the administrator account and open that account's desk.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

;--------------------------------------------------------------------------------------------
; Inputs

!ifndef VERSION
  !searchparse /noerrors /file "..\..\pyproject.toml" `version = "` VERSION `"`
  !ifndef VERSION
    !error "VERSION not given and no version line found in ..\..\pyproject.toml; pass /DVERSION=x.y.z"
  !endif
!endif
!ifndef SRCDIR
  !define SRCDIR "..\..\dist\factdesk"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif
!ifndef LICENSEFILE
  !define LICENSEFILE "..\..\LICENSE"
!endif

; Fail at compile time rather than build an installer that installs nothing useful.
!if ! /FileExists "${SRCDIR}\factdesk.exe"
  !error "${SRCDIR}\factdesk.exe not found: run pyinstaller --noconfirm --clean packaging/factdesk.spec first, or pass /DSRCDIR="
!endif
!if ! /FileExists "${SRCDIR}\factdesk-cli.exe"
  !error "${SRCDIR}\factdesk-cli.exe not found (the spec builds it on Windows only)"
!endif
!if ! /FileExists "${SRCDIR}\_internal\*"
  !error "${SRCDIR}\_internal\ not found or empty"
!endif

; VIProductVersion wants four numbers: 0.1.0 -> 0.1.0.0 (a suffix such as rc1 is dropped there;
; the full string still goes into DisplayVersion and the file name).
!searchparse /noerrors "${VERSION}" "" VI_MAJOR "." VI_MINOR "." VI_PATCH
!ifndef VI_MINOR
  !define VI_MINOR 0
!endif
!ifndef VI_PATCH
  !define VI_PATCH 0
!endif
!define /math VI_MAJOR_N ${VI_MAJOR} + 0
!define /math VI_MINOR_N ${VI_MINOR} + 0
!define /math VI_PATCH_N ${VI_PATCH} + 0

!define APPNAME "FactDesk"
!define PUBLISHER "FactDesk"
!define EXE "factdesk.exe"
!define CLI_EXE "factdesk-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
!define SETTINGS_KEY "Software\${APPNAME}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTDIR}\${APPNAME}-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VI_MAJOR_N}.${VI_MINOR_N}.${VI_PATCH_N}.0"
VIFileVersion "${VI_MAJOR_N}.${VI_MINOR_N}.${VI_PATCH_N}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APPNAME} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT licence"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

;--------------------------------------------------------------------------------------------
; Pages

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
; Remember the language picked in the language dialog (also used by the uninstaller).
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!if /FileExists "${LICENSEFILE}"
  !insertmacro MUI_PAGE_LICENSE "${LICENSEFILE}"
!endif
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Arabic"
!insertmacro MUI_RESERVEFILE_LANGDLL

;--------------------------------------------------------------------------------------------
; Strings (this file is UTF-8: compile with /INPUTCHARSET UTF8)

LangString SecMain ${LANG_ENGLISH} "FactDesk (required)"
LangString SecMain ${LANG_ARABIC} "FactDesk (مطلوب)"
LangString SecStartMenu ${LANG_ENGLISH} "Start menu shortcut"
LangString SecStartMenu ${LANG_ARABIC} "اختصار في قائمة ابدأ"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktop ${LANG_ARABIC} "اختصار على سطح المكتب"
LangString DescMain ${LANG_ENGLISH} "The FactDesk program files."
LangString DescMain ${LANG_ARABIC} "ملفات برنامج FactDesk."
LangString DescStartMenu ${LANG_ENGLISH} "Add FactDesk to the Start menu."
LangString DescStartMenu ${LANG_ARABIC} "إضافة FactDesk إلى قائمة ابدأ."
LangString DescDesktop ${LANG_ENGLISH} "Put a FactDesk icon on the desktop."
LangString DescDesktop ${LANG_ARABIC} "وضع أيقونة FactDesk على سطح المكتب."
LangString MsgNeeds64Bit ${LANG_ENGLISH} "FactDesk needs 64-bit Windows."
LangString MsgNeeds64Bit ${LANG_ARABIC} "يتطلب FactDesk نظام Windows بإصدار 64 بت."
LangString MsgNeedsAdmin ${LANG_ENGLISH} "Installing FactDesk needs administrator rights."
LangString MsgNeedsAdmin ${LANG_ARABIC} "يتطلب تثبيت FactDesk صلاحيات المسؤول."
LangString MsgRunning ${LANG_ENGLISH} "FactDesk is still running from $INSTDIR. Close it, then click Retry."
LangString MsgRunning ${LANG_ARABIC} "لا يزال FactDesk قيد التشغيل من $INSTDIR. أغلقه ثم انقر «إعادة المحاولة»."
LangString MsgRemovingOld ${LANG_ENGLISH} "Removing the previous version's program files (your desk and settings are kept)"
LangString MsgRemovingOld ${LANG_ARABIC} "إزالة ملفات البرنامج من الإصدار السابق (تبقى قاعدة بياناتك وإعداداتك محفوظة)"
LangString UnKeepsData ${LANG_ENGLISH} "FactDesk will be removed from the folder below. Your desk database and settings (in %LOCALAPPDATA%\FactDesk) are kept."
LangString UnKeepsData ${LANG_ARABIC} "ستتم إزالة FactDesk من المجلد أدناه. تبقى قاعدة بيانات مكتبك وإعداداتك (في %LOCALAPPDATA%\FactDesk) محفوظة."

;--------------------------------------------------------------------------------------------
; Helpers

; Delete the program files of an earlier FactDesk in $INSTDIR: the executables (retrying while
; FactDesk is running and holds them open) and the whole _internal folder. Nothing else.
!macro RemoveProgramFiles UN
Function ${UN}RemoveProgramFiles
  ${Do}
    ClearErrors
    Delete "$INSTDIR\${EXE}"
    Delete "$INSTDIR\${CLI_EXE}"
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY retry
    Abort  ; Cancel (or a silent run): stop before anything is half-removed
    retry:
  ${Loop}
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
FunctionEnd
!macroend
!insertmacro RemoveProgramFiles ""
!insertmacro RemoveProgramFiles "un."

;--------------------------------------------------------------------------------------------
; Install

Section "!$(SecMain)" SEC_MAIN
  SectionIn RO
  SetRegView 64
  SetShellVarContext all

  ; An earlier install in a different folder: let its own uninstaller remove it (it keeps user
  ; data, like this one). _?= makes it run in place so ExecWait really waits for it.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $0 != $INSTDIR
  ${AndIf} ${FileExists} "$0\${UNINSTALLER}"
    DetailPrint "$(MsgRemovingOld): $0"
    ExecWait '"$0\${UNINSTALLER}" /S _?=$0'
    Delete "$0\${UNINSTALLER}"
    RMDir "$0"
  ${EndIf}

  ; Same folder: clear out the old program files before copying the new ones.
  ${If} ${FileExists} "$INSTDIR\${EXE}"
  ${OrIf} ${FileExists} "$INSTDIR\_internal\*"
    DetailPrint "$(MsgRemovingOld)"
    Call RemoveProgramFiles
  ${EndIf}

  SetOutPath "$INSTDIR"
  File "${SRCDIR}\${EXE}"
  File "${SRCDIR}\${CLI_EXE}"
  File /r "${SRCDIR}\_internal"

  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ${GetSize} "$INSTDIR" "/S=0K" $1 $2 $3
  IntFmt $1 "0x%08X" $1
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecStartMenu)" SEC_STARTMENU
  SetShellVarContext all
  SetOutPath "$INSTDIR"  ; the shortcut's working folder
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Section /o "$(SecDesktop)" SEC_DESKTOP
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_MAIN} "$(DescMain)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_STARTMENU} "$(DescStartMenu)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_DESKTOP} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  SetShellVarContext all
  SetRegView 64
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeeds64Bit)" /SD IDOK
    Abort
  ${EndIf}
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "admin"
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedsAdmin)" /SD IDOK
    SetErrorLevel 740  ; ERROR_ELEVATION_REQUIRED
    Quit
  ${EndIf}
  ; Upgrade into the folder of the existing install unless /D= chose another one.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $INSTDIR == "$PROGRAMFILES64\${APPNAME}"
    StrCpy $INSTDIR $0
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

;--------------------------------------------------------------------------------------------
; Uninstall: program files, shortcuts and registry entries. Never %LOCALAPPDATA%\FactDesk.

Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Call un.RemoveProgramFiles
  RMDir "$INSTDIR"  ; only if empty: anything else someone put there stays
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${SETTINGS_KEY}"
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
