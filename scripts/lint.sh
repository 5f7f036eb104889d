#!/bin/sh
# SPDX-License-Identifier: MIT
# Static analysis: cppcheck and clang-tidy over tend's sources (src/).
# Both must report nothing; what is switched off, and why,
# is in .clang-tidy and scripts/cppcheck.supp (or an inline comment).
#
#   scripts/lint.sh            (LINT_DIR: scratch dir, default build-lint)
#
# The last line is a one-line summary; the exit status is non-zero on any
# finding.
set -eu
cd "$(dirname "$0")/.."
dir=${LINT_DIR:-$(pwd)/build-lint}
mkdir -p "$dir"
for tool in cppcheck clang-tidy; do
	command -v "$tool" >/dev/null || { echo "lint: $tool is not installed" >&2; exit 1; }
done
files=$(ls src/*.c)

# A configured tree gives clang-tidy the real flags and version.h.
cmake -S . -B "$dir/build" -DTEND_MUSL=OFF -DTEND_STATIC=OFF -DTEND_TESTS=ON \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$dir/cmake.log" 2>&1 ||
    { cat "$dir/cmake.log" >&2; exit 1; }

cppcheck --enable=warning,style,performance,portability --library=posix \
    --std=c11 --force --quiet --inline-suppr --suppressions-list=scripts/cppcheck.supp \
    -D__linux__ -D__x86_64__ -D_GNU_SOURCE -Isrc -I"$dir/build/gen" \
    --template='{file}:{line}: {severity}: {message} [{id}]' \
    $files >"$dir/cppcheck.txt" 2>&1 || :
ncpp=$(grep -c ': \(error\|warning\|style\|performance\|portability\|information\): ' \
    "$dir/cppcheck.txt" || :)

# One clang-tidy per core, each on its share of the files.
: >"$dir/tidy.txt"
jobs=$(nproc)
i=0
for f in $files; do
	echo "$f" >>"$dir/tidy.list.$((i % jobs))"
	i=$((i + 1))
done
j=0
while [ "$j" -lt "$jobs" ]; do
	if [ -f "$dir/tidy.list.$j" ]; then
		# shellcheck disable=SC2046
		clang-tidy -p "$dir/build" --quiet $(cat "$dir/tidy.list.$j") \
		    >"$dir/tidy.$j.txt" 2>/dev/null &
	fi
	j=$((j + 1))
done
wait
cat "$dir"/tidy.*.txt >"$dir/tidy.txt" 2>/dev/null || :
rm -f "$dir"/tidy.list.* "$dir"/tidy.[0-9]*.txt
ntidy=$(grep -c ': \(warning\|error\): ' "$dir/tidy.txt" || :)

nfiles=$(echo $files | wc -w)
if [ "$ncpp" -gt 0 ] || [ "$ntidy" -gt 0 ]; then
	[ "$ncpp" -gt 0 ] && sed 's/^/cppcheck: /' "$dir/cppcheck.txt"
	[ "$ntidy" -gt 0 ] && grep -A3 ': \(warning\|error\): ' "$dir/tidy.txt" | sed 's/^/clang-tidy: /'
	echo "lint: $nfiles files: $ncpp cppcheck and $ntidy clang-tidy findings"
	exit 1
fi
echo "lint: $nfiles files: no cppcheck or clang-tidy findings"
