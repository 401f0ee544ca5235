#!/bin/sh
# AdaptiveStream, from its runtime image. No arguments: the desktop app; a subcommand: the
# command line (adaptivestream --help). User data and native caches go to per-user folders,
# never into this image; each can be moved with an environment variable.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data=${ADAPTIVESTREAM_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/adaptivestream}
config=${ADAPTIVESTREAM_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/adaptivestream}
cache=${ADAPTIVESTREAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/adaptivestream}
mkdir -p "$data" "$config" "$cache"
# shellcheck disable=SC2086 # ADAPTIVESTREAM_JAVA_OPTS is a list of options on purpose
exec "$here/java" $ADAPTIVESTREAM_JAVA_OPTS \
  -Dadaptivestream.home="$data" \
  -Dadaptivestream.config="$config" \
  -Dorg.bytedeco.javacpp.cachedir="$cache/javacpp" \
  -Djavafx.cachedir="$cache/openjfx" \
  --add-modules @native.modules@ \
  --enable-native-access=javafx.graphics,org.bytedeco.javacpp,org.bytedeco.ffmpeg \
  -m @main.module@/@main.class@ "$@"
