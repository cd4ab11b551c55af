#!/usr/bin/env bash
# Packaging end to end (issue #12). Usage: package_test.sh MODE BUILD_DIR SOURCE_DIR
#   install  cmake --install --strip into a scratch prefix, move the prefix
#            elsewhere, hide the build tree, convert a sample with the
#            installed binary (its data found from its own location)
#   deb      cpack -G DEB, dpkg -x into a scratch root, run it there
#   man      every option of every --help is in the man page
set -u
MODE=$1
BUILD=$(cd "$2" && pwd)
SRC=$(cd "$3" && pwd)
T=$(mktemp -d /tmp/overleg-package.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.sh"  # check, pass, fail, summary
SAMPLE=gg-zuid-2025-09-25
cp "$SRC/samples/$SAMPLE.pdf" "$T/"

# Runs "$@" with the build tree hidden (an empty tmpfs over it, in a private
# mount namespace) when the system allows it, else as it is; always with a
# clean environment, from the scratch folder.
hidden() {
  if unshare --mount true 2>/dev/null; then
    (cd "$T" && env -i PATH=/usr/bin:/bin HOME="$T" unshare --mount sh -c 'mount -t tmpfs tmpfs "$0" && exec "$@"' "$BUILD" "$@")
  else
    (cd "$T" && env -i PATH=/usr/bin:/bin HOME="$T" "$@")
  fi
}

# The installed binary works: converts the sample, finds the lexicon.
converts() {
  local bin=$1 label=$2
  hidden "$bin" extract "$SAMPLE.pdf" > "$T/$label.jsonl" 2> "$T/$label.err"
  local rc=$?
  check "$label: extract exits 0 with the build tree hidden (rc $rc: $(head -c 300 "$T/$label.err"))" '[ $rc -eq 0 ]'
  check "$label: one record, the sample's meeting date" \
    '[ "$(wc -l < "$T/$label.jsonl")" -eq 1 ] && grep -q "\"date\":\"2025-09-25\"" "$T/$label.jsonl"'
  check "$label: the record equals the build tree's" \
    '(cd "$T" && "$BUILD/overleg" extract "$SAMPLE.pdf") | cmp -s - "$T/$label.jsonl"'
  # OCR comes from a module loaded on demand (lib/extract/tesseract/): it
  # must be found from the installed binary's location too.
  hidden "$bin" extract -q --ocr always "$SAMPLE.pdf" > "$T/$label-ocr.jsonl" 2> "$T/$label-ocr.err"
  rc=$?
  check "$label: OCR works with the build tree hidden (rc $rc: $(head -c 300 "$T/$label-ocr.err"))" \
    '[ $rc -eq 0 ] && grep -q "\"method\":\"ocr\"" "$T/$label-ocr.jsonl"'
}

case $MODE in
install)
  cmake --install "$BUILD" --prefix "$T/prefix" --strip > "$T/install.log" 2>&1
  check "cmake --install into a scratch prefix" '[ $? -eq 0 ]'
  for f in bin/overleg share/overleg/nl.lex share/overleg/record.schema.json share/overleg/LICENSE-OpenTaal.txt \
           share/man/man1/overleg.1 share/bash-completion/completions/overleg share/doc/overleg/README.md \
           share/doc/overleg/LICENSE share/doc/overleg/NEWS share/doc/overleg/record.md; do
    check "installed: $f" '[ -s "$T/prefix/$f" ]'
  done
  check "installed: the OCR module" 'find "$T/prefix" -path "*/overleg/overleg-tesseract.so" | grep -q .'
  check "nothing installed outside the prefix" '! grep -v "$T/prefix/" "$BUILD/install_manifest.txt" | grep -q .'
  check "no build path in the installed binary" '! grep -q -F "$BUILD" "$T/prefix/bin/overleg"'
  mv "$T/prefix" "$T/moved"  # relocatable: nothing points back to where it was installed
  converts "$T/moved/bin/overleg" "installed"
  mkdir -p "$T/data" && cp "$T/moved/share/overleg/nl.lex" "$T/data/"
  mv "$T/moved/share/overleg/nl.lex" "$T/nl.lex.away"
  hidden "$T/moved/bin/overleg" extract -q "$SAMPLE.pdf" > /dev/null 2> "$T/nolex.err"
  check "without its lexicon: exit 4, naming the file" '[ $? -eq 4 ] && grep -q "nl.lex" "$T/nolex.err"'
  hidden "$T/moved/bin/overleg" --data-dir "$T/data" extract -q "$SAMPLE.pdf" > "$T/datadir.jsonl" 2>/dev/null
  check "--data-dir finds the lexicon" '[ $? -eq 0 ] && cmp -s "$T/datadir.jsonl" "$T/installed.jsonl"'
  hidden env OVERLEG_DATA_DIR="$T/data" "$T/moved/bin/overleg" extract -q "$SAMPLE.pdf" > "$T/env.jsonl" 2>/dev/null
  check "OVERLEG_DATA_DIR finds the lexicon" '[ $? -eq 0 ] && cmp -s "$T/env.jsonl" "$T/installed.jsonl"'
  ;;
deb)
  (cd "$BUILD" && cpack -G DEB -B "$T/cpack" > "$T/cpack.log" 2>&1)
  deb=$(ls "$T"/cpack/overleg_*.deb 2>/dev/null | head -1)
  check "cpack -G DEB builds a .deb ($(tail -1 "$T/cpack.log"))" '[ -n "$deb" ]'
  [ -n "$deb" ] || { summary; exit 1; }
  depends=$(dpkg-deb -f "$deb" Depends)
  # The data and the libraries opened with dlopen (no NEEDED entry names them)...
  for p in libtesseract5 liblept5 tesseract-ocr-nld tesseract-ocr-osd tesseract-ocr-fra libsqlite3-0; do
    check "Depends names $p" 'echo "$depends" | tr -d " " | tr "," "\n" | grep -qx "$p"'
  done
  # ... and the package of every library the binary and its OCR module name
  # in NEEDED, read off the built files, so that a change of link (qpdf
  # static or shared, a new library) cannot leave the .deb with a wrong list.
  bins="$BUILD/overleg $BUILD/modules/overleg-tesseract.so"
  for so in $(for b in $bins; do readelf -d "$b" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; done | sort -u); do
    path=$(ldd $bins | awk -v s="$so" '$1 == s {print $3; exit}')
    path=${path:-/lib/x86_64-linux-gnu/$so}
    # dpkg knows a file by the path its package ships (/lib or /usr/lib: /lib
    # is a link to usr/lib on Debian 12), so both are asked.
    p=$(dpkg -S "$path" "/usr${path#/usr}" "${path#/usr}" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$p" ] || continue  # the loader itself, or not from a package (a sanitizer runtime)
    check "Depends names $p (for $so)" 'echo "$depends" | tr -d " " | tr "," "\n" | grep -qx "$p"'
  done
  check "the .deb holds /usr/bin/overleg, its lexicon, man page and copyright" \
    'dpkg-deb -c "$deb" > "$T/contents" && grep -q "\./usr/bin/overleg$" "$T/contents" &&
     grep -q "\./usr/share/overleg/nl.lex$" "$T/contents" && grep -q "\./usr/share/man/man1/overleg.1" "$T/contents" &&
     grep -q "\./usr/share/doc/overleg/copyright$" "$T/contents" &&
     grep -q "\./usr/lib/.*overleg/overleg-tesseract.so$" "$T/contents"'
  dpkg -x "$deb" "$T/root"
  converts "$T/root/usr/bin/overleg" "deb"
  ;;
man)
  MAN=$BUILD/man/overleg.1
  check "the man page was generated" '[ -s "$MAN" ]'
  # The roff source with its escapes undone: \- is -, \fB/\fR are fonts.
  sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/--/g' "$MAN" > "$T/man.txt"
  for cmd in "" extract inspect repair schema; do
    "$BUILD/overleg" $cmd --help > "$T/help.txt"
    for opt in $(grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' "$T/help.txt" | sed 's/^[ ,]//' | sort -u); do
      check "man page has '${cmd:-overleg}' option $opt" 'grep -q -- "$opt" "$T/man.txt"'
    done
  done
  for section in "EXIT STATUS" ENVIRONMENT EXAMPLES "COMMAND EXTRACT"; do
    check "man page has a $section section" 'grep -q "^\.SH \"*$section" "$MAN"'
  done
  check "the exit status table is there (130)" 'grep -q "130" "$T/man.txt"'
  check "man renders it without warnings" \
    '! MANWIDTH=80 man --warnings -l "$MAN" 2>&1 >/dev/null | grep -q .'
  ;;
esac
summary
