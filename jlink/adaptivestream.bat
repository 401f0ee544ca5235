@echo off
rem AdaptiveStream, from its runtime image. No arguments: the desktop app; a subcommand: the
rem command line. User data and native caches go to per-user folders, never into this image.
setlocal
set "HERE=%~dp0"
if not defined ADAPTIVESTREAM_HOME set "ADAPTIVESTREAM_HOME=%LOCALAPPDATA%\AdaptiveStream\data"
if not defined ADAPTIVESTREAM_CONFIG set "ADAPTIVESTREAM_CONFIG=%APPDATA%\AdaptiveStream"
if not defined ADAPTIVESTREAM_CACHE set "ADAPTIVESTREAM_CACHE=%LOCALAPPDATA%\AdaptiveStream\cache"
"%HERE%java.exe" %ADAPTIVESTREAM_JAVA_OPTS% ^
  -Dadaptivestream.home="%ADAPTIVESTREAM_HOME%" ^
  -Dadaptivestream.config="%ADAPTIVESTREAM_CONFIG%" ^
  -Dorg.bytedeco.javacpp.cachedir="%ADAPTIVESTREAM_CACHE%\javacpp" ^
  -Djavafx.cachedir="%ADAPTIVESTREAM_CACHE%\openjfx" ^
  --add-modules @native.modules@ ^
  --enable-native-access=javafx.graphics,org.bytedeco.javacpp,org.bytedeco.ffmpeg ^
  -m @main.module@/@main.class@ %*
