curl -X POST https://app.asana.com/api/1.0/batch \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" -H "Content-Type: application/json" \
  --data-binary '{"data":{"actions":[{"method":"get","relative_path":"/users/me","options":{"fields":["name"]}},{"method":"post","relative_path":"/tasks/1401/stories","data":{"text":"hi"}},{"method":"delete","relative_path":"/tags/1501"}]}}'
