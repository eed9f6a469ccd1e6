# Commands added by features after the foundation, one line each.
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_sandbox.cpp)
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_send.cpp)
