# Commands added by features, one file each.
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_curl.cpp)
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_sandbox.cpp)
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_send.cpp)
target_sources(tenfold_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/command_history.cpp
    ${CMAKE_CURRENT_LIST_DIR}/command_diff.cpp
    ${CMAKE_CURRENT_LIST_DIR}/historyrecording.h ${CMAKE_CURRENT_LIST_DIR}/historyrecording.cpp)
