# The test scripts' checks, sourced by each (tests/*.sh, tests/*/*.sh):
#   check "what must hold" 'shell condition'   -> "ok   - ..." or "FAIL - ..."
#   pass "what" / fail "what"                 -> one line, fail counts
#   summary                                   -> "N failed", status 0 only when none did
fails=0
pass() { echo "ok   - $1"; }
fail() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }
summary() {
  echo "$fails failed"
  [ "$fails" -eq 0 ]
}
