#!/usr/bin/env bash
# The OCR module is loaded on demand (lib/extract/tesseract/ocr_module.h,
# issue #13): the binary links neither Tesseract nor Leptonica; a
# text-layer run never maps them; a page that needs OCR or an image input
# loads the module; a missing module is one clear error (exit 4) for those
# only. SQLite too is loaded only by the archive (lib/index/sqlite.cc).
# Usage: ocr_module_test.sh OVERLEG SAMPLE.pdf
set -u
BIN=$1
PDF=$2
PNG=$(dirname "$0")/../data/ocr/scan.png
T=$(mktemp -d /tmp/overleg-ocr-module.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../check.sh"  # check, pass, fail, summary

# What the binary itself links (its NEEDED entries): Tesseract and
# Leptonica come with the module only.
needed=$(readelf -d "$BIN" | grep NEEDED)
check "the binary links libraries ($(echo "$needed" | wc -l) NEEDED entries)" '[ -n "$needed" ]'
check "the binary does not link libtesseract" '! grep -q "libtesseract" <<< "$needed"'
check "the binary does not link Leptonica" '! grep -q "liblept" <<< "$needed"'

# LD_DEBUG=files lists every object the dynamic loader maps, dlopen included.
LD_DEBUG=files LD_DEBUG_OUTPUT="$T/text" "$BIN" extract -q "$PDF" > "$T/text.jsonl"
check "text layer: converts" '[ $? -eq 0 ] && [ "$(wc -l < "$T/text.jsonl")" -eq 1 ]'
check "text layer: libtesseract is never loaded" '! grep -q "libtesseract" "$T"/text.*'
check "text layer: nor the OCR module" '! grep -q "overleg-tesseract" "$T"/text.*'
check "text layer: nor Leptonica" '! grep -q "liblept" "$T"/text.*'
check "text layer: nor SQLite" '! grep -q "libsqlite3" "$T"/text.*'
LD_DEBUG=files LD_DEBUG_OUTPUT="$T/version" "$BIN" --version > /dev/null
check "--version: libtesseract is never loaded" '! grep -q "libtesseract" "$T"/version.*'
check "--version: nor Leptonica" '! grep -q "liblept" "$T"/version.*'
check "--version: nor SQLite" '! grep -q "libsqlite3" "$T"/version.*'
LD_DEBUG=files LD_DEBUG_OUTPUT="$T/index" "$BIN" index -q -d "$T/archive.db" "$T/text.jsonl"
check "index: loads SQLite and fills the archive" '[ $? -eq 0 ] && grep -q "libsqlite3" "$T"/index.* && [ -s "$T/archive.db" ]'

LD_DEBUG=files LD_DEBUG_OUTPUT="$T/ocr" "$BIN" extract -q --ocr always "$PDF" > "$T/ocr.jsonl"
check "--ocr always: converts" '[ $? -eq 0 ] && grep -q "\"method\":\"ocr\"" "$T/ocr.jsonl"'
check "--ocr always: the module and libtesseract are loaded" \
  'grep -q "overleg-tesseract.so" "$T"/ocr.* && grep -q "libtesseract" "$T"/ocr.*'

LD_DEBUG=files LD_DEBUG_OUTPUT="$T/image" "$BIN" extract -q --ocr never "$PNG" > "$T/image.jsonl"
check "an image input: opened by the module's Leptonica, with OCR off" \
  '[ $? -eq 0 ] && [ "$(wc -l < "$T/image.jsonl")" -eq 1 ] && grep -q "overleg-tesseract.so" "$T"/image.* && grep -q "liblept" "$T"/image.*'

OVERLEG_OCR_MODULE="$T/none.so" "$BIN" extract -q "$PDF" > "$T/nomod-text.jsonl" 2> "$T/nomod-text.err"
check "no module: a text layer still converts, silently" '[ $? -eq 0 ] && [ ! -s "$T/nomod-text.err" ]'
OVERLEG_OCR_MODULE="$T/none.so" "$BIN" extract -q --ocr always "$PDF" > /dev/null 2> "$T/nomod.err"
rc=$?
check "no module: OCR fails with exit 4 naming the module ($(head -c 200 "$T/nomod.err"))" \
  '[ $rc -eq 4 ] && grep -q "none.so" "$T/nomod.err" && [ "$(wc -l < "$T/nomod.err")" -eq 1 ]'
OVERLEG_OCR_MODULE="$T/none.so" "$BIN" extract -q --ocr never "$PNG" > /dev/null 2> "$T/nomod-image.err"
rc=$?
check "no module: an image input fails with exit 4 naming the module ($(head -c 200 "$T/nomod-image.err"))" \
  '[ $rc -eq 4 ] && grep -q "none.so" "$T/nomod-image.err" && [ "$(wc -l < "$T/nomod-image.err")" -eq 1 ]'
echo "not a shared object" > "$T/bad.so"
OVERLEG_OCR_MODULE="$T/bad.so" "$BIN" extract -q --ocr always "$PDF" > /dev/null 2> "$T/bad.err"
rc=$?
check "a broken module: exit 4, saying it does not load ($(head -c 200 "$T/bad.err"))" \
  '[ $rc -eq 4 ] && grep -q "does not load" "$T/bad.err"'
summary
