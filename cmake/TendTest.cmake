# SPDX-License-Identifier: MIT
# Helpers that register tests, so every test gets labels and a timeout.

# A cmocka unit test: tests/unit/NAME.c linked against the pure core only.
function(tend_add_unit_test name)
  add_executable(${name} ${name}.c)
  target_link_libraries(${name} PRIVATE tend_core ${CMOCKA_LIB})
  add_test(NAME unit.${name} COMMAND ${name})
  set_tests_properties(unit.${name} PROPERTIES LABELS unit TIMEOUT 60)
endfunction()

# An integration test: tests/integration/NAME.sh run against the real binary.
# Exit 77 means skipped (the kernel refused a namespace), with the reason printed.
function(tend_add_integration_test name)
  set(timeout 60)
  if(ARGC GREATER 1)
    set(timeout ${ARGV1})
  endif()
  add_test(NAME integ.${name}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/${name}.sh)
  set_tests_properties(integ.${name} PROPERTIES LABELS integration
    SKIP_RETURN_CODE 77 TIMEOUT ${timeout}
    ENVIRONMENT "TEND=$<TARGET_FILE:tend>;TEST_EMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR};HELPERS=${CMAKE_BINARY_DIR}/tests/helpers;TESTLIB=${CMAKE_CURRENT_SOURCE_DIR}/lib.sh")
endfunction()

# A test helper program: tests/.../NAME.c, a test app rather than tend, so
# never sanitized, and static (unless sanitizing, or NOSTATIC is given) so
# it also runs inside a bare OCI rootfs. Lands in build/tests/helpers.
function(tend_add_helper name)
  add_executable(${name} ${name}.c)
  target_link_libraries(${name} PRIVATE tend_warnings)
  target_compile_options(${name} PRIVATE -fno-sanitize=all)
  target_link_options(${name} PRIVATE -fno-sanitize=all)
  if(NOT TEND_SANITIZE AND NOT "NOSTATIC" IN_LIST ARGN)
    target_link_options(${name} PRIVATE -static)
  endif()
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                        ${CMAKE_BINARY_DIR}/tests/helpers)
endfunction()
