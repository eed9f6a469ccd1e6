#include "sessiondocument.h"

#include "actiontable/actiontablemodel.h"
#include "commands/sessioncommands.h"
#include "variables/variablesmodel.h"

#include <QFileInfo>
#include <QUndoStack>

namespace Tenfold {

SessionDocument::SessionDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_actions(new ActionTableModel(m_undoStack, this))
    , m_variables(new VariablesModel(m_undoStack, this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(m_actions, &ActionTableModel::actionsChanged, this, &SessionDocument::contentChanged);
    connect(m_variables, &VariablesModel::variablesChanged, this, &SessionDocument::contentChanged);
}

Session SessionDocument::session() const
{
    Session session = m_session;
    session.actions = m_actions->actions();
    session.variables = m_variables->variables();
    return session;
}

void SessionDocument::load(const Session &session, const QString &filePath)
{
    m_undoStack->clear();
    m_session = session;
    m_session.actions.clear();
    m_session.variables.clear();
    m_filePath = filePath;
    m_variables->apply(session.variables);
    m_actions->resetActions(session.actions);
    m_undoStack->setClean();
    emit targetChanged();
    emit planChanged();
    emit filePathChanged();
    emit modifiedChanged(false);
    emit contentChanged();
}

QString SessionDocument::displayName() const
{
    if (!m_session.name.isEmpty())
        return m_session.name;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return tr("Untitled");
}

bool SessionDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void SessionDocument::markSaved(const QString &filePath)
{
    const bool moved = filePath != m_filePath;
    m_filePath = filePath;
    m_undoStack->setClean();
    if (moved)
        emit filePathChanged();
}

void SessionDocument::setTarget(const Target &target)
{
    if (target == m_session.target)
        return;
    m_undoStack->push(new ChangeTarget(tr("Change target"), m_session.target, target,
                                       [this](const Target &t) { applyTarget(t); }));
}

void SessionDocument::setPlan(const Plan &plan)
{
    if (plan == m_session.plan)
        return;
    m_undoStack->push(new ChangePlan(tr("Change plan"), m_session.plan, plan,
                                     [this](const Plan &p) { applyPlan(p); }));
}

void SessionDocument::applyTarget(const Target &target)
{
    m_session.target = target;
    emit targetChanged();
    emit contentChanged();
}

void SessionDocument::applyPlan(const Plan &plan)
{
    m_session.plan = plan;
    emit planChanged();
    emit contentChanged();
}

} // namespace Tenfold
