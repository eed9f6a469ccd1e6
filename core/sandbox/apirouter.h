#pragma once

#include "apicontext.h"
#include "apihandlers.h"

namespace Tenfold {

class EndpointCatalog;
class ResourceStore;

/// Routes a call to its handler through Asana's endpoint catalog, so a direct request and a batch
/// action with the same method and path get the same answer.
class ApiRouter
{
public:
    ApiRouter(ResourceStore &store, const EndpointCatalog &catalog);

    /// `apiBase` is http://127.0.0.1:PORT/api/1.0, for next_page.uri.
    ApiResult handle(const ApiCall &call, const QString &apiBase) const;

    /// Whether the call counts against the search quota (the catalog's rate class).
    bool isSearch(const QString &method, const QString &path) const;

private:
    ResourceStore &m_store;
    const EndpointCatalog &m_catalog;
    ApiHandlerTable m_handlers;
};

} // namespace Tenfold
