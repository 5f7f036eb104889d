#!/bin/sh
# SPDX-License-Identifier: MIT
# Post-build check (as catatonit's CI does): the binary asks for no program
# interpreter, i.e. it is really static. Prints its size for the log.
bin=$1
if readelf -l "$bin" | grep -q 'INTERP'; then
	echo "check-static: $bin has a program interpreter: not static" >&2
	exit 1
fi
echo "check-static: $bin is static, $(wc -c < "$bin") bytes"
