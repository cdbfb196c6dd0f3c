#!/usr/bin/env bash
# Everything CI runs, in order; ends with one line "N passed, N failed" (tests plus the three static checks).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tests/.tmp

# Debian packages the tests run for real: Chromium for the pages, nginx for the proxy test.
missing=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="$missing chromium"
[ -x "${NGINX_PATH:-/usr/sbin/nginx}" ] || missing="$missing nginx-light"
if [ -n "$missing" ]; then
	echo "== Installing Debian's$missing for the tests"
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
	# shellcheck disable=SC2086
	$SUDO apt-get update -qq && $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing >/dev/null
fi

passed=0
failed=0
check() {
	local name=$1; shift
	echo "== $name"
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
# Adds a runner's own counts from its JSON report.
count_from() {
	local file=$1 expr=$2
	if [ -f "$file" ]; then
		read -r p f < <(node -e "const r=require('./$file'); const [p,f]=($expr)(r); console.log(p, f)")
		passed=$((passed + p)); failed=$((failed + f))
	else
		failed=$((failed + 1)); echo "FAILED: no report at $file"
	fi
}

check "typecheck" npm run --silent typecheck
check "lint" npm run --silent lint
check "migrations in sync" bash tests/check-migrations.sh

echo "== unit and integration tests (Vitest)"
rm -f tests/.tmp/vitest-results.json
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest-results.json
vitest_status=$?
count_from tests/.tmp/vitest-results.json '(r) => [r.numPassedTests, r.numFailedTests + (r.numTotalTests ? 0 : 1)]'

echo "== production build"
if npm run --silent build >tests/.tmp/build.log 2>&1; then
	echo "== end-to-end tests (Playwright, Chromium, built server)"
	rm -f tests/.tmp/playwright-results.json
	node node_modules/@playwright/test/cli.js test
	e2e_status=$?
	count_from tests/.tmp/playwright-results.json '(r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected]'
else
	cat tests/.tmp/build.log
	failed=$((failed + 1)); echo "FAILED: build"; e2e_status=1
fi

[ "$vitest_status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
[ "$e2e_status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
