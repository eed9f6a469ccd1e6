# Commands added by features, one file each.
target_sources(tenfold_cli PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/command_send.cpp
)
