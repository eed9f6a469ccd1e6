#include "apirouter.h"

#include "apierror.h"
#include "catalog/endpointcatalog.h"
#include "resourcestore.h"

namespace Tenfold {

namespace {

constexpr int MaxLimit = 100;

} // namespace

ApiRouter::ApiRouter(ResourceStore &store, const EndpointCatalog &catalog)
    : m_store(store)
    , m_catalog(catalog)
{
    addWorkspaceHandlers(m_handlers);
    addProjectHandlers(m_handlers);
    addTaskHandlers(m_handlers);
    addStoryTagHandlers(m_handlers);
}

bool ApiRouter::isSearch(const QString &method, const QString &path) const
{
    const EndpointCatalog::Match match = m_catalog.match(method, path);
    return match.endpoint && match.endpoint->rate == Endpoint::RateClass::Search;
}

ApiResult ApiRouter::handle(const ApiCall &call, const QString &apiBase) const
{
    const EndpointCatalog::Match match = m_catalog.match(call.method, call.path);
    if (!match.endpoint)
        return ApiContext::error(404, SandboxApi::noRouteMessage());

    int limit = 0;
    if (!call.limit.isUndefined() && !call.limit.isNull()) {
        bool ok = call.limit.isDouble();
        limit = ok ? call.limit.toInt() : call.limit.toString().toInt(&ok);
        if (!ok || limit < 1 || limit > MaxLimit)
            return ApiContext::error(
                400, QStringLiteral("limit: Must be a number from 1 to %1; page through longer "
                                    "lists with offset")
                         .arg(MaxLimit));
    }
    int offset = 0;
    if (!call.offset.isUndefined() && !call.offset.isNull()) {
        offset = ApiContext::decodeOffset(call.offset.toString());
        if (offset < 0)
            return ApiContext::error(400, QStringLiteral("offset: Your pagination token is "
                                                         "invalid; use the offset of the previous "
                                                         "page's next_page."));
        if (limit == 0)
            limit = MaxLimit;
    }

    const ApiHandler handler = m_handlers.value(match.endpoint->operation);
    if (!handler) {
        return ApiContext::error(
            501, QStringLiteral("The Tenfold sandbox does not implement %1 (%2 %3); send it to "
                                "Asana itself to try it.")
                     .arg(match.endpoint->operation, match.endpoint->method, match.endpoint->path));
    }
    ApiContext context(m_store, call, match.parameters, apiBase, limit, offset);
    return handler(context);
}

} // namespace Tenfold
