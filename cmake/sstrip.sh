#!/bin/sh
# SPDX-License-Identifier: MIT
# Post-link step for the release tend (as ELFkickers' sstrip does): drop
# what the kernel never reads, i.e. the section header table and every
# section that no program header maps (.comment, .shstrtab), about 1 KB.
# What stays is a valid static ELF: the ELF header, the program headers and
# the bytes of every segment, unchanged; e_shoff, e_shnum and e_shstrndx
# become 0 ("no section header" for file(1)). Works for any architecture and
# either byte order: it writes only zeros and reads the layout with readelf.
# usage: sstrip.sh BINARY
set -eu
bin=$1
# The end of the last byte any program header covers.
end=0
for oe in $(readelf -lW "$bin" | awk '/^ *[A-Z_]+ +0x/ { print $2 "+" $5 }'); do
	# shellcheck disable=SC2004 # oe is an expression (0x..+0x..): dash needs the $
	e=$(($oe))
	[ "$e" -le "$end" ] || end=$e
done
[ "$end" -gt 0 ] || { echo "sstrip: $bin: no program headers" >&2; exit 1; }
size=$(wc -c < "$bin")
[ "$end" -le "$size" ] || { echo "sstrip: $bin: segments past the end" >&2; exit 1; }
class=$(od -An -tu1 -j4 -N1 "$bin" | tr -d ' ')
case $class in
1) shoff=32 shoffsz=4 shnum=48 ;;  # ELFCLASS32
2) shoff=40 shoffsz=8 shnum=60 ;;  # ELFCLASS64
*) echo "sstrip: $bin: not an ELF file" >&2; exit 1 ;;
esac
zero() { head -c "$2" /dev/zero | dd of="$bin" bs=1 seek="$1" conv=notrunc status=none; }
zero "$shoff" "$shoffsz"  # e_shoff
zero "$shnum" 2           # e_shnum
zero $((shnum + 2)) 2     # e_shstrndx
truncate -s "$end" "$bin"
