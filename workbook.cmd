@REM The student command (Windows PowerShell and cmd). README.md, "The student command":
@REM   .\workbook.cmd status ^| next ^| hint [ID] ^| reset ID ^| compare ID ^| watch [ID]
@REM It runs on what the chapter's tests were built with: run .\mvnw.cmd -q test -Pch04 once first.
@echo off
setlocal
set "WORKBOOK_DIR=%~dp0"
if defined JAVA_HOME (set "WORKBOOK_JAVA=%JAVA_HOME%\bin\java.exe") else (set "WORKBOOK_JAVA=java")
if not exist "%WORKBOOK_DIR%support\target\classes\workbook\student\Launch.class" (
  echo The student command is built by the chapter's first run. Run this once ^(a minute the first time^), then try again:
  echo     .\mvnw.cmd -q test -Pch04
  exit /b 2
)
@REM The root is passed as "...\." : a quoted argument that ends in a backslash would swallow its closing quote.
"%WORKBOOK_JAVA%" -cp "%WORKBOOK_DIR%support\target\classes" workbook.student.Launch "%WORKBOOK_DIR%." %*
exit /b %ERRORLEVEL%
