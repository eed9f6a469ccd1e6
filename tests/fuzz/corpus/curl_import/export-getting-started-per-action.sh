#!/usr/bin/env bash
# Exported by Tenfold from "Getting started": 8 request(s), one per action
# The token is read from ASANA_ACCESS_TOKEN when the commands run.
: "${ASANA_ACCESS_TOKEN:?set ASANA_ACCESS_TOKEN to an Asana personal access token}"

# GET /users/me
curl -sS https://app.asana.com/api/1.0/users/me \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /workspaces
curl -sS https://app.asana.com/api/1.0/workspaces \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /workspaces/1001/projects
curl -sS 'https://app.asana.com/api/1.0/workspaces/1001/projects?opt_fields=name,color&limit=10' \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /projects/1201/tasks
curl -sS 'https://app.asana.com/api/1.0/projects/1201/tasks?opt_fields=name,completed,assignee.name&limit=20' \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /projects/1201/sections
curl -sS https://app.asana.com/api/1.0/projects/1201/sections \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /tasks
curl -sS 'https://app.asana.com/api/1.0/tasks?assignee=me&workspace=1001&limit=5' \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /workspaces/1001/tags
curl -sS https://app.asana.com/api/1.0/workspaces/1001/tags \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo

# GET /workspaces/1001/tasks/search
curl -sS 'https://app.asana.com/api/1.0/workspaces/1001/tasks/search?text=launch' \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo
