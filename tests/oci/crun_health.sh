#!/bin/sh
# SPDX-License-Identifier: MIT
# tend's health probes in real OCI containers started by crun (see
# health_suite.sh).
RT=crun
. "${0%/*}/health_suite.sh"
