#!/bin/sh
# SPDX-License-Identifier: MIT
# tend's health probes in real OCI containers started by runc (see
# health_suite.sh).
RT=runc
. "${0%/*}/health_suite.sh"
