#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the integration and stress tests with every tend under valgrind's
# memcheck (a dynamic glibc debug build; the apps themselves are not).
#
#   scripts/valgrind.sh [TEST-NAME...]     (VG_DIR: default build-vg)
#
# What counts is memcheck: any error (invalid access, use of uninitialised
# memory, fd or memory leak at exit) in any tend process fails the run.
# Tests that fail only because valgrind makes tend ~20x slower (timing
# checks) are listed but do not fail it. The last line is a
# one-line summary; the exit status is non-zero on any memcheck error.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${VG_DIR:-$(pwd)/build-vg}
build=$dir/build
command -v valgrind >/dev/null || { echo "valgrind: not installed" >&2; exit 1; }
mkdir -p "$dir"
rm -rf "$dir/logs"
mkdir -p "$dir/logs"
# Some tests run tend as nobody: it must be able to write its log too.
chmod 1777 "$dir/logs"

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DTEND_STATIC=OFF -DTEND_MUSL=OFF \
    >"$dir/cmake.log" 2>&1 || { cat "$dir/cmake.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" >"$dir/build.log" 2>&1 ||
    { grep -E 'error|warning' "$dir/build.log" >&2; exit 1; }

# The tests run $TEND: make it valgrind running the real one. Each tend
# process gets its own log. (Leaked fds are the no_growth test's job.)
# (Not %p in the log name: as PID 1 every one would be vg.1.log.)
cat >"$dir/tend" <<EOF
#!/bin/sh
log=\$(mktemp "$dir/logs/vg.XXXXXXXX")
exec valgrind --tool=memcheck --quiet --error-exitcode=0 --vgdb=no \\
    --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \\
    --track-origins=yes --child-silent-after-fork=yes \\
    --log-file="\$log" --xml=yes --xml-file="\$log.xml" "$build/tend" "\$@"
EOF
chmod +x "$dir/tend"

tests=${*:-$(ls tests/integration/*.sh tests/stress/*.sh | grep -v '/lib\.sh$')}
passed=0 failed="" runs=0
for t in $tests; do
	[ -f "$t" ] || t=$(ls tests/integration/"$t".sh tests/stress/"$t".sh 2>/dev/null | head -1)
	name=$(basename "$t" .sh)
	if TEND="$dir/tend" HELPERS="$build/tests/helpers" \
	    TESTLIB="$root/$(dirname "$t")/lib.sh" timeout 300 sh "$t" \
	    >"$dir/$name.out" 2>&1; then
		passed=$((passed + 1))
	else
		rc=$?
		[ "$rc" = 77 ] && passed=$((passed + 1)) || failed="$failed $name"
	fi
	# A test that failed or timed out may leave a tend behind (PID 1 of a
	# namespace whose unshare is gone): end those this run started, found
	# by the private path of the binary they run.
	for p in /proc/[0-9]*; do
		{ tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF -- "$build/tend " &&
		    kill -9 "${p#/proc/}" 2>/dev/null
	done
	sleep 1
done

# memcheck's verdict: the <error> records in every tend process's XML
# (the text log may also hold valgrind's own notes, or, when a test closed
# tend's stdout, what the app printed into the fd valgrind reused).
errors=0
for f in "$dir"/logs/vg.*.xml; do
	[ -f "$f" ] || continue
	runs=$((runs + 1))
	if grep -q '<error>' "$f"; then
		errors=$((errors + 1))
		echo "--- ${f%.xml}"
		grep -v '^<' "${f%.xml}" | head -60
		grep -o '<kind>[A-Za-z_]*</kind>' "$f" | sort | uniq -c
	fi
done
[ -n "$failed" ] && echo "valgrind: tests that failed under valgrind (see $dir/NAME.out):$failed"
echo "valgrind: $runs tend processes under memcheck, $errors with errors; $passed of $(echo $tests | wc -w) tests passed"
[ "$errors" = 0 ]
