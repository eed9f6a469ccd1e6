#!/usr/bin/env bash
# Exported by Tenfold from "Getting started": 1 request(s), one POST /batch per batch
# The token is read from ASANA_ACCESS_TOKEN when the commands run.
: "${ASANA_ACCESS_TOKEN:?set ASANA_ACCESS_TOKEN to an Asana personal access token}"

# batch 1 of 1: 8 action(s)
curl -sS -X POST https://app.asana.com/api/1.0/batch \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"actions":[{"method":"get","relative_path":"/users/me"},{"method":"get","relative_path":"/workspaces"},{"method":"get","options":{"fields":["name","color"],"limit":10},"relative_path":"/workspaces/1001/projects"},{"method":"get","options":{"fields":["name","completed","assignee.name"],"limit":"launch"},"method":"get","relative_path":"/workspaces/1001/tasks/search"}]}}'
echo
