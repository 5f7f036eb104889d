#!/bin/sh
# SPDX-License-Identifier: MIT
# tend as PID 1 of real OCI containers started by crun (see suite.sh).
RT=crun
. "${0%/*}/suite.sh"
