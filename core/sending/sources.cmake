# The sender: scheduling batches under the plan's limits, sending them, results and their file.
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/readyqueue.h ${CMAKE_CURRENT_LIST_DIR}/readyqueue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchpolicy.h ${CMAKE_CURRENT_LIST_DIR}/batchpolicy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/retryafter.h ${CMAKE_CURRENT_LIST_DIR}/retryafter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sendscheduler.h ${CMAKE_CURRENT_LIST_DIR}/sendscheduler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sendresult.h ${CMAKE_CURRENT_LIST_DIR}/sendresult.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchresponse.h ${CMAKE_CURRENT_LIST_DIR}/batchresponse.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultsfile.h ${CMAKE_CURRENT_LIST_DIR}/resultsfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/batchsender.h ${CMAKE_CURRENT_LIST_DIR}/batchsender.cpp
)
