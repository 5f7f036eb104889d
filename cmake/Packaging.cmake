# SPDX-License-Identifier: MIT
# CPack: .tar.gz and .deb with the static binary, man page, LICENSE, README.
#
#   cmake -S . -B build && cmake --build build && (cd build && cpack)
#
# or scripts/package.sh, which also writes SHA256SUMS beside them. The
# install rules (binary, man page) are in the top-level CMakeLists.txt;
# the documents are added here.

install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
foreach(doc README.md docs/containers.md)
  if(EXISTS ${CMAKE_SOURCE_DIR}/${doc})
    install(FILES ${doc} DESTINATION ${CMAKE_INSTALL_DOCDIR})
  endif()
endforeach()

set(CPACK_PACKAGE_NAME tend)
set(CPACK_PACKAGE_VENDOR "tend")
set(CPACK_PACKAGE_CONTACT "tend maintainers <tend@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "tiny static init (PID 1) for containers")
set(CPACK_PACKAGE_DESCRIPTION
    "tend runs one command as its child, forwards signals to it, reaps orphaned
processes, drains what is left after the app exits (TERM, a grace period,
then KILL) and exits with the app's code. It can probe the app's health
(TCP, HTTP or a command) and answer 'tend status' for HEALTHCHECK and
Kubernetes exec probes. The binary is static (musl) and needs no libc.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)

# Only the tend component: the test helpers install nothing anyway.
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES OFF)	# tend is linked with -s already

# The processor name as Debian spells it, for both file names: the
# target's (TEND_ARCH), else this machine's.
set(TEND_DEB_ARCH "${TEND_ARCH}")
if(TEND_DEB_ARCH STREQUAL "")
  set(TEND_DEB_ARCH "${TEND_HOST_ARCH}")
endif()
if(TEND_DEB_ARCH STREQUAL "")
  set(TEND_DEB_ARCH ${CMAKE_SYSTEM_PROCESSOR})
endif()

# tar.gz: tend-VERSION-linux-ARCH/{bin,share/man/man1,share/doc/tend}.
set(CPACK_PACKAGE_FILE_NAME
    "tend-${PROJECT_VERSION}-linux-${TEND_DEB_ARCH}")
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# .deb: installs under /usr; depends on nothing, being static. The prefix
# is chosen per generator at cpack time, so the .tar.gz has no usr/ level.
set(TEND_CPACK_OPTIONS ${CMAKE_BINARY_DIR}/TendCPackOptions.cmake)
file(WRITE ${TEND_CPACK_OPTIONS} [=[
if(CPACK_GENERATOR STREQUAL "DEB")
  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
else()
  set(CPACK_PACKAGING_INSTALL_PREFIX /)
endif()
]=])
set(CPACK_PROJECT_CONFIG_FILE ${TEND_CPACK_OPTIONS})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)		# tend_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${TEND_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://localhost/tend")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)

include(CPack)
