#!/bin/sh
# SPDX-License-Identifier: MIT
# tend as PID 1 of real OCI containers started by runc (see suite.sh).
RT=runc
. "${0%/*}/suite.sh"
