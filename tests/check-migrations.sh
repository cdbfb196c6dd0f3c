#!/usr/bin/env bash
# Fails when db/schema.ts has changes that no committed migration carries.
set -euo pipefail
cd "$(dirname "$0")/.."
work=tests/.tmp/migrations-check
rm -rf "$work" && mkdir -p "$work" && cp -R migrations/. "$work/"
node node_modules/drizzle-kit/bin.cjs generate --dialect sqlite --schema ./db/schema.ts --out "$work" >/dev/null
if ! diff -r migrations "$work" >/dev/null; then
	echo "db/schema.ts and migrations/ differ: run 'npm run db:generate' and commit the new migration." >&2
	diff -r migrations "$work" | head -40 >&2
	exit 1
fi
echo "Migrations are in sync with db/schema.ts."
