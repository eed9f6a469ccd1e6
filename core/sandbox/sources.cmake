# The embedded Asana sandbox: an Asana-compatible server on 127.0.0.1 (see docs/ARCHITECTURE.md).
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sandboxserver.h ${CMAKE_CURRENT_LIST_DIR}/sandboxserver.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpfront.h ${CMAKE_CURRENT_LIST_DIR}/httpfront.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchdispatcher.h ${CMAKE_CURRENT_LIST_DIR}/batchdispatcher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/apirouter.h ${CMAKE_CURRENT_LIST_DIR}/apirouter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/apicontext.h ${CMAKE_CURRENT_LIST_DIR}/apicontext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/apierror.h ${CMAKE_CURRENT_LIST_DIR}/apierror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/apihandlers.h
    ${CMAKE_CURRENT_LIST_DIR}/handlers_workspaces.cpp
    ${CMAKE_CURRENT_LIST_DIR}/handlers_projects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/handlers_tasks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/handlers_storiestags.cpp
    ${CMAKE_CURRENT_LIST_DIR}/taskrelations.h ${CMAKE_CURRENT_LIST_DIR}/taskrelations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/recordwriter.h ${CMAKE_CURRENT_LIST_DIR}/recordwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fieldshaping.h ${CMAKE_CURRENT_LIST_DIR}/fieldshaping.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resourcestore.h ${CMAKE_CURRENT_LIST_DIR}/resourcestore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.h ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sandboxfaults.h ${CMAKE_CURRENT_LIST_DIR}/sandboxfaults.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sandboxstats.h ${CMAKE_CURRENT_LIST_DIR}/sandboxstats.cpp
)
