# SPDX-License-Identifier: MIT
# Toolchain file for a cross build of tend, chosen by TEND_ARCH (Debian's
# name of the target processor):
#
#   cmake -S . -B build-arm64 -DTEND_ARCH=arm64
#
# (the top-level CMakeLists.txt loads this file when TEND_ARCH names a
# foreign architecture; -DCMAKE_TOOLCHAIN_FILE=cmake/cross.cmake with
# -DTEND_ARCH=... works too). The compiler is Debian's gcc-<triplet>; libc
# is musl from musl-dev:<arch> (multiarch), or for riscv64 (no Debian 12
# package) and ppc64el (Debian's is built for speed: tend was 4 KB over its
# size limit) the one scripts/cross-deps.sh builds from Debian's musl
# source, for size, into build-musl/ARCH (or $TEND_MUSL_BASE/ARCH).
# Tests run under qemu-user (CMAKE_CROSSCOMPILING_EMULATOR); i386 runs
# natively on an x86-64 kernel. scripts/cross-deps.sh ARCH installs it all.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES TEND_ARCH TEND_MUSL_ROOT)
set(_tend_arches amd64 arm64 armhf i386 ppc64el s390x riscv64)
if(NOT TEND_ARCH IN_LIST _tend_arches)
  message(FATAL_ERROR "TEND_ARCH=${TEND_ARCH}: not one of ${_tend_arches}")
endif()
set(_tend_gnu_amd64 x86_64-linux-gnu)
set(_tend_gnu_arm64 aarch64-linux-gnu)
set(_tend_gnu_armhf arm-linux-gnueabihf)
set(_tend_gnu_i386 i686-linux-gnu)
set(_tend_gnu_ppc64el powerpc64le-linux-gnu)
set(_tend_gnu_s390x s390x-linux-gnu)
set(_tend_gnu_riscv64 riscv64-linux-gnu)
set(_tend_cpu_amd64 x86_64)
set(_tend_cpu_arm64 aarch64)
set(_tend_cpu_armhf armv7l)
set(_tend_cpu_i386 i686)
set(_tend_cpu_ppc64el ppc64le)
set(_tend_cpu_s390x s390x)
set(_tend_cpu_riscv64 riscv64)
set(_tend_qemu_arm64 aarch64)
set(_tend_qemu_armhf arm)
set(_tend_qemu_ppc64el ppc64le)
set(_tend_qemu_s390x s390x)
set(_tend_qemu_riscv64 riscv64)

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${_tend_cpu_${TEND_ARCH}})
set(CMAKE_C_COMPILER ${_tend_gnu_${TEND_ARCH}}-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE ${_tend_gnu_${TEND_ARCH}})
if(DEFINED _tend_qemu_${TEND_ARCH})
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-${_tend_qemu_${TEND_ARCH}}-static)
endif()
# Libraries (cmocka) from Debian's multiarch directory for the target.
set(CMAKE_FIND_ROOT_PATH /usr/${_tend_gnu_${TEND_ARCH}})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
