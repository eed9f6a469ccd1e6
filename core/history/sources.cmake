# The run history: every send recorded in SQLite (Qt SQL, QSQLITE), shared by window and CLI.
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/historystore.h ${CMAKE_CURRENT_LIST_DIR}/historystore.cpp
)
# Only historystore.cpp sees Qt SQL (no SQL header is part of the history's interface): the rest
# of the core, the CLI, the window and the tests compile exactly as without it.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/historystore.cpp PROPERTIES
    INCLUDE_DIRECTORIES "$<TARGET_PROPERTY:Qt6::Sql,INTERFACE_INCLUDE_DIRECTORIES>"
    COMPILE_DEFINITIONS "$<TARGET_PROPERTY:Qt6::Sql,INTERFACE_COMPILE_DEFINITIONS>")
target_link_libraries(tenfold_core INTERFACE $<LINK_ONLY:Qt6::Sql>)
